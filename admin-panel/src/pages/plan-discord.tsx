import { useEffect, useState } from "preact/hooks";
import type { GrantableRole, Plan } from "../api";
import { useApp } from "../context";
import { errorText } from "../error-text";

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .roles()
      .then((answer) => setRoles(answer.roles))
      .catch(() => setRolesError(true));
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.setPlanDiscord(plan.id, plan.updatedAt, {
        roleId: roleId || null,
        skuId: skuId.trim() || null,
      });
      setError(null);
      toast(t("plans.discordSaved"));
      await onSaved();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  // The current role stays choosable even when Discord's list could not be read or no longer has it.
  const known = roles?.some((role) => role.id === plan.roleId) ?? false;
  return (
    <form class="card plan-form" aria-labelledby="plan-discord-title" onSubmit={submit} noValidate>
      <h2 id="plan-discord-title">{t("plans.discord")}</h2>
      <p class="muted">{t("plans.discordLead")}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="field-row">
        <div class="field">
          <label for="plan-role">{t("plans.role")}</label>
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
          {rolesError && <small id="plan-role-error">{t("plans.rolesUnavailable")}</small>}
        </div>
        <div class="field">
          <label for="plan-sku">{t("plans.sku")}</label>
          <input
            id="plan-sku"
            inputMode="numeric"
            value={skuId}
            maxLength={20}
            autoComplete="off"
            aria-describedby="plan-sku-hint"
            onInput={(e) => setSkuId(e.currentTarget.value)}
          />
          <small id="plan-sku-hint">{t("plans.skuHint")}</small>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? t("plans.saving") : t("plans.saveDiscord")}
        </button>
      </div>
    </form>
  );
}
