import type { GuildChannel, GuildRole, ServerSettings, SettingsChanges } from "../../api";
import { useApp } from "../../context";
import { ErrorAlert } from "../form/error-alert";
import { Field } from "../form/field";
import { NumberField } from "../form/number-field";
import { SaveBar } from "../form/save-bar";
import { useDraft } from "../form/use-draft";
import { useSaveable } from "../form/use-saveable";
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
  const { draft, set } = useDraft(() => ({
    staffRoleIds: settings.staffRoleIds,
    supportChannelId: settings.supportChannelId,
    staffChannelId: settings.staffChannelId,
    openTicketLimit: String(settings.openTicketLimit),
    dmNotifications: settings.dmNotifications,
    defaultLocale: settings.defaultLocale,
    panelTitle: settings.panelTitle ?? "",
    panelText: settings.panelText ?? "",
  }));
  const { busy, error, run } = useSaveable();

  const submit = (event: Event) => {
    event.preventDefault();
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
    return run(async () => {
      onSaved(await api.updateSettings(changes));
      toast(t("settings.saved"));
    });
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
      <ErrorAlert error={error} />
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
        <Field
          id="support-channel"
          label={t("settings.supportChannel")}
          hint={t("settings.supportChannelHint")}
        >
          {channelSelect("support-channel", draft.supportChannelId, set("supportChannelId"))}
        </Field>
        <Field id="staff-channel" label={t("settings.staffChannel")} hint={t("settings.staffChannelHint")}>
          {channelSelect("staff-channel", draft.staffChannelId, set("staffChannelId"))}
        </Field>
      </div>
      <div class="field-row">
        <NumberField
          id="open-limit"
          label={t("settings.openLimit")}
          min={1}
          max={50}
          value={draft.openTicketLimit}
          disabled={!editable}
          onValue={set("openTicketLimit")}
        />
        <Field id="default-locale" label={t("settings.language")}>
          <select
            id="default-locale"
            value={draft.defaultLocale}
            disabled={!editable}
            onChange={(e) => set("defaultLocale")(e.currentTarget.value === "fr" ? "fr" : "en")}
          >
            <option value="en">{t("settings.language.en")}</option>
            <option value="fr">{t("settings.language.fr")}</option>
          </select>
        </Field>
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
      <Field id="panel-title" label={t("settings.panelTitle")}>
        <input
          id="panel-title"
          maxLength={256}
          value={draft.panelTitle}
          disabled={!editable}
          onInput={(e) => set("panelTitle")(e.currentTarget.value)}
        />
      </Field>
      <Field id="panel-text" label={t("settings.panelText")}>
        <textarea
          id="panel-text"
          maxLength={2000}
          rows={3}
          value={draft.panelText}
          disabled={!editable}
          onInput={(e) => set("panelText")(e.currentTarget.value)}
        />
      </Field>
      {editable && <SaveBar busy={busy} label={t("settings.save")} savingLabel={t("settings.saving")} />}
    </form>
  );
}
