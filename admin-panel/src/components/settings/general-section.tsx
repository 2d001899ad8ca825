import { useState } from "preact/hooks";
import type { GuildChannel, GuildRole, ServerSettings, SettingsChanges } from "../../api";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import { RolePicker } from "./role-picker";

interface Props {
  settings: ServerSettings;
  roles: GuildRole[] | null;
  channels: GuildChannel[] | null;
  editable: boolean;
  onSaved: (settings: ServerSettings) => void;
}

/** Staff roles, channels, the open-ticket limit, DMs, the language and the panel's texts. */
export function GeneralSection({ settings, roles, channels, editable, onSaved }: Props) {
  const { api, t, toast } = useApp();
  const [draft, setDraft] = useState(() => ({
    staffRoleIds: settings.staffRoleIds,
    supportChannelId: settings.supportChannelId,
    staffChannelId: settings.staffChannelId,
    openTicketLimit: String(settings.openTicketLimit),
    dmNotifications: settings.dmNotifications,
    defaultLocale: settings.defaultLocale,
    panelTitle: settings.panelTitle ?? "",
    panelText: settings.panelText ?? "",
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set =
    <K extends keyof typeof draft>(key: K) =>
    (value: (typeof draft)[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const changes: SettingsChanges = {
      staffRoleIds: draft.staffRoleIds,
      supportChannelId: draft.supportChannelId,
      staffChannelId: draft.staffChannelId,
      openTicketLimit: Number(draft.openTicketLimit),
      dmNotifications: draft.dmNotifications,
      defaultLocale: draft.defaultLocale,
      panelTitle: draft.panelTitle.trim() || null,
      panelText: draft.panelText.trim() || null,
    };
    try {
      onSaved(await api.updateSettings(changes));
      setError(null);
      toast(t("settings.saved"));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const channelSelect = (id: string, value: string | null, onChange: (v: string | null) => void) => {
    const known = channels ?? [];
    const missing = value && !known.some((ch) => ch.id === value) ? [{ id: value, name: value }] : [];
    return (
      <select
        id={id}
        value={value ?? ""}
        disabled={!editable}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      >
        <option value="">{t("settings.noChannel")}</option>
        {[...known, ...missing].map((ch) => (
          <option key={ch.id} value={ch.id}>
            #{ch.name}
          </option>
        ))}
      </select>
    );
  };

  return (
    <form class="settings-form" onSubmit={submit} noValidate>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <fieldset class="field">
        <legend>{t("settings.staffRoles")}</legend>
        <RolePicker
          id="staff-roles"
          roles={roles}
          selected={draft.staffRoleIds}
          disabled={!editable}
          onChange={set("staffRoleIds")}
        />
        <small>{t("settings.staffRolesHint")}</small>
      </fieldset>
      <div class="field-row">
        <div class="field">
          <label for="support-channel">{t("settings.supportChannel")}</label>
          {channelSelect("support-channel", draft.supportChannelId, set("supportChannelId"))}
          <small id="support-channel-hint">{t("settings.supportChannelHint")}</small>
        </div>
        <div class="field">
          <label for="staff-channel">{t("settings.staffChannel")}</label>
          {channelSelect("staff-channel", draft.staffChannelId, set("staffChannelId"))}
          <small id="staff-channel-hint">{t("settings.staffChannelHint")}</small>
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="open-limit">{t("settings.openLimit")}</label>
          <input
            id="open-limit"
            type="number"
            min={1}
            max={50}
            value={draft.openTicketLimit}
            disabled={!editable}
            onInput={(e) => set("openTicketLimit")(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="default-locale">{t("settings.language")}</label>
          <select
            id="default-locale"
            value={draft.defaultLocale}
            disabled={!editable}
            onChange={(e) => set("defaultLocale")(e.currentTarget.value === "fr" ? "fr" : "en")}
          >
            <option value="en">{t("settings.language.en")}</option>
            <option value="fr">{t("settings.language.fr")}</option>
          </select>
        </div>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.dmNotifications}
          disabled={!editable}
          onChange={(e) => set("dmNotifications")(e.currentTarget.checked)}
        />
        <span>{t("settings.dms")}</span>
      </label>
      <div class="field">
        <label for="panel-title">{t("settings.panelTitle")}</label>
        <input
          id="panel-title"
          maxLength={256}
          value={draft.panelTitle}
          disabled={!editable}
          onInput={(e) => set("panelTitle")(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="panel-text">{t("settings.panelText")}</label>
        <textarea
          id="panel-text"
          maxLength={2000}
          rows={3}
          value={draft.panelText}
          disabled={!editable}
          onInput={(e) => set("panelText")(e.currentTarget.value)}
        />
      </div>
      {editable && (
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy}>
            {busy ? t("settings.saving") : t("settings.save")}
          </button>
        </div>
      )}
    </form>
  );
}
