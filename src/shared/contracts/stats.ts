/** `GET /api/v1/stats/series?days=`: the dashboard's charts, as Maxis answers them (`ticket_stats_series`). */

export interface TicketStatsSeries {
  days: number;
  /** Oldest first, UTC days. */
  daily: { date: string; opened: number; closed: number }[];
  /** Upper bounds in seconds; the last bucket (null) is everything longer. */
  firstResponseBuckets: { upToSeconds: number | null; count: number }[];
  resolutionBuckets: { upToSeconds: number | null; count: number }[];
}
