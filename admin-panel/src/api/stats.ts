/** The Stats page's figures: counts, charts, response-time compliance, satisfaction, CSV exports. */
import type { Satisfaction } from "../../../src/shared/contracts/automation";
import type { SlaReport } from "../../../src/shared/contracts/sla";
import type { TicketStatsSeries } from "../../../src/shared/contracts/stats";
import type { TicketStats } from "../../../src/shared/contracts/tickets";
import type { Transport } from "./transport";

export const statsApi = ({ get, download }: Transport) => ({
  stats: () => get<TicketStats>("/api/v1/stats"),
  statsSeries: (days: number) => get<TicketStatsSeries>(`/api/v1/stats/series?days=${days}`),
  slaReport: (days: number) => get<SlaReport>(`/api/v1/stats/sla?days=${days}`),
  satisfaction: (days: number) => get<Satisfaction>(`/api/v1/stats/satisfaction?days=${days}`),
  /** A CSV export (tickets or per-agent figures over `days`) as a file to save. */
  exportCsv: (kind: "tickets" | "agents", days: number) =>
    download(`/api/v1/export/${kind}.csv?days=${days}`, "text/csv"),
});
