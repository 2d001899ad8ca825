import { useEffect, useState } from "preact/hooks";
import type { GrantableRole, Plan } from "../../api";
import { ErrorAlert } from "../../components/form/error-alert";
import { Field } from "../../components/form/field";
import { SaveBar } from "../../components/form/save-bar";
import { useSaveable } from "../../components/form/use-saveable";
import { useApp } from "../../context";

/**
 * A plan's Discord side (admins): the role a paying member gets, picked from the server's roles as
 * Discord lists them, and the Discord SKU that also sells the plan. Saved on its own (PATCH
 * /plans/:id/discord), so a price edit and a role change never overwrite each other.
 */
export function PlanDiscord({ plan, onSaved }: { plan: Plan; onSaved: () => Promise<unknown> }) {
  const { api, t, toast } = useApp();
  const [roles, setRoles] = useState<GrantableRole[] | null>(null);
  const [rolesError, setRolesError] = useState(false);
  const [roleId, setRoleId] = useState(plan.roleId ?? "");
  const [skuId, setSkuId] = useState(plan.skuId ?? "");
  const { busy, error, run } = useSaveable();

  useEffect(() => {
    api
      .roles()
      .then((answer) => setRoles(answer.roles))
      .catch(() => setRolesError(true));
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    return run(async () => {
      await api.setPlanDiscord(plan.id, plan.updatedAt, {
        roleId: roleId || null,
        skuId: skuId.trim() || null,
      });
      toast(t("plans.discordSaved"));
      await onSaved();
    });
  };

  // The current role stays choosable even when Discord's list could not be read or no longer has it.
  const known = roles?.some((role) => role.id === plan.roleId) ?? false;
  return (
    <form class="card plan-form" aria-labelledby="plan-discord-title" onSubmit={submit} noValidate>
      <h2 id="plan-discord-title">{t("plans.discord")}</h2>
      <p class="muted">{t("plans.discordLead")}</p>
      <ErrorAlert error={error} />
      <div class="field-row">
        <Field
          id="plan-role"
          label={t("plans.role")}
          hint={rolesError ? t("plans.rolesUnavailable") : undefined}
          hintId="plan-role-error"
        >
          <select
            id="plan-role"
            value={roleId}
            aria-describedby={rolesError ? "plan-role-error" : undefined}
            onChange={(e) => setRoleId(e.currentTarget.value)}
          >
            <option value="">{t("plans.noRole")}</option>
            {plan.roleId && !known && <option value={plan.roleId}>{plan.roleId}</option>}
            {(roles ?? []).map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="plan-sku" label={t("plans.sku")} hint={t("plans.skuHint")}>
          <input
            id="plan-sku"
            inputMode="numeric"
            value={skuId}
            maxLength={20}
            autoComplete="off"
            aria-describedby="plan-sku-hint"
            onInput={(e) => setSkuId(e.currentTarget.value)}
          />
        </Field>
      </div>
      <SaveBar busy={busy} label={t("plans.saveDiscord")} savingLabel={t("plans.saving")} />
    </form>
  );
}
