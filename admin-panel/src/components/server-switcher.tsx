import { useEffect, useState } from "preact/hooks";
import { useApp } from "../context";
import { errorText } from "../error-text";
import "./server-switcher.css";

/** Carries the chosen server's name across the reload, so the dashboard can say where it now is. */
const SWITCHED_KEY = "maxis.switched";

/**
 * For people on several servers' teams: the servers they share with Maxis, the current one selected.
 * Choosing another asks Maxis for a session there (Discord decides whether they are staff there),
 * then reloads the dashboard on it and says so. Hidden when there is only one server.
 */
export function ServerSwitcher() {
  const { api, t, toast, session } = useApp();
  const [servers, setServers] = useState<{ id: string; name: string; current: boolean }[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const switchedTo = sessionStorage.getItem(SWITCHED_KEY);
    if (switchedTo === null) return;
    sessionStorage.removeItem(SWITCHED_KEY);
    toast(t("servers.switched", { name: switchedTo }));
  }, [t, toast]);

  useEffect(() => {
    api
      .servers()
      .then((answer) => setServers(answer.servers))
      .catch(() => setServers([]));
  }, [api, session.guildId]);

  if (servers.length < 2) return null;

  const choose = async (guildId: string) => {
    const target = servers.find((s) => s.id === guildId);
    if (!target || target.current) return;
    setBusy(true);
    toast(t("servers.switching", { name: target.name }));
    try {
      await api.switchServer(guildId);
      sessionStorage.setItem(SWITCHED_KEY, target.name);
      location.hash = "#/inbox";
      location.reload();
    } catch (err) {
      toast(errorText(err, t), "error");
      setBusy(false);
    }
  };

  return (
    <div class="server-switcher">
      <label for="server-switcher">{t("servers.label")}</label>
      <select
        id="server-switcher"
        value={session.guildId}
        disabled={busy}
        title={t("servers.switch")}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        {servers.map((server) => (
          <option key={server.id} value={server.id}>
            {server.name}
          </option>
        ))}
      </select>
    </div>
  );
}
