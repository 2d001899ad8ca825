import type { TicketStatsWindow } from "../../api";
import { Avatar } from "../../components/avatar";
import { useApp } from "../../context";
import { formatNumber } from "../../i18n";
import { duration } from "./duration";

/** One agent's line in the team table: tickets assigned and closed, median times. */
export function AgentRow({ agent }: { agent: TicketStatsWindow["agents"][number] }) {
  const { locale, userName, avatarOf } = useApp();
  return (
    <tr>
      <th scope="row">
        <span class="agent-cell">
          <Avatar id={agent.agentId} name={userName(agent.agentId)} url={avatarOf(agent.agentId)} size={24} />
          {userName(agent.agentId)}
        </span>
      </th>
      <td class="num-col">{formatNumber(agent.assigned, locale)}</td>
      <td class="num-col">{formatNumber(agent.closed, locale)}</td>
      <td class="num-col">{duration(agent.medianFirstResponseSeconds, locale)}</td>
      <td class="num-col">{duration(agent.medianResolutionSeconds, locale)}</td>
    </tr>
  );
}
