import { useLoaded } from "../../components/form/use-loaded";
import { useApp } from "../../context";
import { formatNumber } from "../../i18n";
import "./satisfaction.css";

const percent = (rate: number | null, locale: string) =>
  rate === null
    ? "—"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);

/**
 * Members' ratings over the stats page's window (GET /api/v1/stats/satisfaction): the average, how
 * many of those asked answered, per agent, and the latest comments (member text, shown as text).
 */
export function SatisfactionCard({ days }: { days: number }) {
  const { api, t, locale, userName } = useApp();
  const { data, error } = useLoaded(() => api.satisfaction(days), [days]);

  return (
    <section class="card satisfaction" aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{t("satisfaction.title")}</h2>
      {error && <p role="alert">{error}</p>}
      {!data ? (
        !error && <div class="skeleton" aria-hidden="true" />
      ) : data.asked === 0 ? (
        <p>{t("satisfaction.none")}</p>
      ) : (
        <>
          <div class="figures">
            <div class="figure">
              <span>{t("satisfaction.average")}</span>
              <strong>{data.average === null ? "—" : `${formatNumber(data.average, locale)} / 5`}</strong>
            </div>
            <div class="figure">
              <span>{t("satisfaction.responseRate")}</span>
              <strong>{percent(data.responseRate, locale)}</strong>
              <span>{t("satisfaction.rated", { rated: data.rated, asked: data.asked })}</span>
            </div>
          </div>
          {data.agents.length > 0 && (
            <table>
              <caption>{t("satisfaction.perAgent")}</caption>
              <tbody>
                {data.agents.map((agent) => (
                  <tr key={agent.agentId}>
                    <th scope="row">{userName(agent.agentId)}</th>
                    <td>{agent.average === null ? "—" : `${formatNumber(agent.average, locale)} / 5`}</td>
                    <td>{t("satisfaction.rated", { rated: agent.rated, asked: agent.asked })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.recentComments.length > 0 && (
            <>
              <h3>{t("satisfaction.comments")}</h3>
              {data.recentComments.map((c) => (
                <blockquote key={`${c.number}-${c.ratedAt}`}>
                  #{c.number} · {c.score}/5 — {c.comment}
                </blockquote>
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}
