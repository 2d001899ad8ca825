/**
 * Ticket automation as the API (`/api/v1/automation`, `/api/v1/stats/satisfaction`) and the dashboard
 * see it (20261202010000_ticket_automation.sql): the server's settings and the satisfaction figures.
 * Types only.
 */

export interface AutomationSettings {
  autoCloseEnabled: boolean;
  inactivityHours: number;
  warningHours: number;
  closeRequestHours: number;
  ratingsEnabled: boolean;
}

export interface Satisfaction {
  days: number;
  asked: number;
  rated: number;
  average: number | null;
  responseRate: number | null;
  distribution: Record<"1" | "2" | "3" | "4" | "5", number>;
  agents: { agentId: string; asked: number; rated: number; average: number | null }[];
  recentComments: {
    number: number;
    score: number;
    comment: string;
    agentId: string | null;
    ratedAt: string;
  }[];
}
