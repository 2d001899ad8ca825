import type { ComponentChildren } from "preact";
import { useApp } from "../../context";

/**
 * A titled card holding one of the page's tables of payments (failed payments, checkouts), or a line
 * saying there is none. Its columns start with when, who and which plan; `columns` adds the rest.
 */
export function SalesTable(props: {
  id: string;
  title: string;
  empty: string;
  rows: number;
  columns: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = useApp();
  return (
    <section class="card wide-card sales-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.rows === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="sales-table">
            <thead>
              <tr>
                <th scope="col">{t("sales.when")}</th>
                <th scope="col">{t("sales.member")}</th>
                <th scope="col">{t("sales.plan")}</th>
                <th scope="col" class="num-col">
                  {t("sales.amount")}
                </th>
                {props.columns}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
