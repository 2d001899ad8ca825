import type { Plan, PlanDuration, PlanInput } from "../../api";

/** The form's state: numbers as typed, so a half-typed value is never rewritten under the cursor. */
export interface Draft {
  key: string;
  name: string;
  nameFr: string;
  description: string;
  descriptionFr: string;
  priceCents: string;
  floorCents: string;
  currency: string;
  duration: PlanDuration;
  active: boolean;
  sortOrder: string;
}

export const EMPTY: Draft = {
  key: "",
  name: "",
  nameFr: "",
  description: "",
  descriptionFr: "",
  priceCents: "",
  floorCents: "0",
  currency: "EUR",
  duration: "month",
  active: true,
  sortOrder: "",
};

export const draftOf = (plan: Plan): Draft => ({
  ...plan,
  priceCents: String(plan.priceCents),
  floorCents: String(plan.floorCents),
  sortOrder: String(plan.sortOrder),
});

/** A whole number as typed, or NaN: the API then names the field, the database judges the range. */
export const whole = (text: string): number =>
  /^-?\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;

export function inputOf(draft: Draft): PlanInput {
  return {
    key: draft.key,
    name: draft.name,
    nameFr: draft.nameFr,
    description: draft.description,
    descriptionFr: draft.descriptionFr,
    priceCents: whole(draft.priceCents),
    floorCents: whole(draft.floorCents),
    currency: draft.currency,
    duration: draft.duration,
    active: draft.active,
    sortOrder: draft.sortOrder.trim() === "" ? null : whole(draft.sortOrder),
  };
}
