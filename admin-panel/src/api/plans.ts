/** The admins' plans, their Discord role and SKU, and the sales they made (admins only). */
import type { GrantableRole, Plan, PlanChange, PlanInput } from "../../../src/shared/contracts/plans";
import type { SalesSummary } from "../../../src/shared/contracts/sales";
import type { Transport } from "./transport";

const planPath = (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`;

export const plansApi = ({ get, write }: Transport) => ({
  plans: () => get<Plan[]>("/api/v1/plans"),
  /** One plan with its history of admins' edits. */
  plan: (id: string) => get<{ plan: Plan; history: PlanChange[] }>(planPath(id)),
  createPlan: (input: PlanInput) => write<Plan>("/api/v1/plans", input),
  updatePlan: (id: string, expectedUpdatedAt: string, input: PlanInput) =>
    write<Plan>(planPath(id), { ...input, expectedUpdatedAt }, "PATCH"),
  archivePlan: (id: string) => write<Plan>(`${planPath(id)}/archive`),
  /** The roles a plan may grant in this server, from Discord. */
  roles: () => get<{ roles: GrantableRole[] }>("/api/v1/roles"),
  setPlanDiscord: (
    id: string,
    expectedUpdatedAt: string,
    discord: { roleId: string | null; skuId: string | null },
  ) => write<Plan>(`${planPath(id)}/discord`, { ...discord, expectedUpdatedAt }, "PATCH"),
  /** The server's sales over the last `days` days. */
  sales: (days: number) => get<SalesSummary>(`/api/v1/sales?days=${days}`),
});
