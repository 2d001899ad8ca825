import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { GuildChannel, GuildRole, ServerSettings, Snippet } from "../api";
import { rememberCategories } from "../categories";
import { CategorySection } from "../components/settings/category-section";
import { GeneralSection } from "../components/settings/general-section";
import { SnippetSection } from "../components/settings/snippet-section";
import { useApp } from "../context";
import type { MessageKey } from "../i18n";
import { AutomationSettingsSection } from "./settings/automation";
import { SlaSettingsSection } from "./settings/sla";
import "./settings.css";
import { ErrorAlert } from "../components/form/error-alert";
import { useLoaded } from "../components/form/use-loaded";

/** What every section of the Settings page gets: the loaded data and a way to reload it. */
export interface SettingsSectionProps {
  settings: ServerSettings;
  roles: GuildRole[] | null;
  channels: GuildChannel[] | null;
  snippets: Snippet[];
  /** Admins change settings; agents read them. */
  editable: boolean;
  reload: () => Promise<void>;
}

export interface SettingsSection {
  /** The section's anchor (#settings-<id>) and React key. */
  id: string;
  title: MessageKey;
  /** A sentence under the title, if any. */
  lead?: MessageKey;
  component: ComponentType<SettingsSectionProps>;
  /** The component draws its own card and heading (features that load their own settings). */
  ownCard?: boolean;
}

/**
 * The page's sections, in order. A feature with settings of its own (automation, SLA) adds one entry
 * here with its self-contained component; the page gives it the loaded settings and `reload`, and a
 * section that needs more loads it itself.
 */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  {
    id: "general",
    title: "settings.general.title",
    component: ({ settings, roles, channels, editable, reload }) => (
      <GeneralSection
        settings={settings}
        roles={roles}
        channels={channels}
        editable={editable}
        onSaved={() => reload()}
      />
    ),
  },
  {
    id: "categories",
    title: "settings.categories.title",
    lead: "settings.categories.lead",
    component: ({ settings, roles, editable, reload }) => (
      <CategorySection
        categories={settings.categories}
        roles={roles}
        editable={editable}
        onChanged={reload}
      />
    ),
  },
  {
    id: "snippets",
    title: "settings.snippets.title",
    lead: "settings.snippets.lead",
    component: ({ snippets, editable, reload }) => (
      <SnippetSection snippets={snippets} editable={editable} onChanged={reload} />
    ),
  },
  { id: "automation", title: "automation.title", component: AutomationSettingsSection, ownCard: true },
  { id: "sla", title: "slaSettings.title", component: SlaSettingsSection, ownCard: true },
];

/** The server's settings, categories and canned replies: staff read them, admins change them. */
export function SettingsPage() {
  const { api, t, session } = useApp();
  const [directory, setDirectory] = useState<{ roles: GuildRole[]; channels: GuildChannel[] } | null>(null);
  const [directoryFailed, setDirectoryFailed] = useState(false);
  const editable = session.appRole === "admin";

  const { data, error, reload } = useLoaded(async () => {
    const [settings, snippets] = await Promise.all([api.settings(), api.snippets()]);
    // The inbox, tickets and statistics name the categories as just changed.
    rememberCategories(session.guildId, settings.categories);
    return { settings, snippets };
  }, [api]);
  useEffect(() => {
    api
      .discordDirectory()
      .then(setDirectory)
      .catch(() => setDirectoryFailed(true));
  }, [api]);

  return (
    <div class="settings">
      <div class="page-head">
        <h1>{t("settings.title")}</h1>
        <p class="lead">{t("settings.lead")}</p>
        {!editable && <p class="muted">{t("settings.readOnly")}</p>}
      </div>
      <ErrorAlert error={error} />
      {directoryFailed && <p class="muted">{t("settings.directoryFailed")}</p>}
      {!data && !error && <p aria-busy="true">{t("settings.loading")}</p>}
      {data && (
        <div class="settings-layout">
          <nav class="settings-nav" aria-label={t("settings.sections")}>
            <ul>
              {SETTINGS_SECTIONS.map((section) => (
                <li key={section.id}>
                  <button
                    type="button"
                    onClick={() =>
                      document.getElementById(`settings-${section.id}`)?.scrollIntoView({ block: "start" })
                    }
                  >
                    {t(section.title)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div class="settings-sections">
            {SETTINGS_SECTIONS.map(({ id, title, lead, component: Section, ownCard }) => {
              const section = (
                <Section
                  settings={data.settings}
                  roles={directory?.roles ?? null}
                  channels={directory?.channels ?? null}
                  snippets={data.snippets}
                  editable={editable}
                  reload={reload}
                />
              );
              return ownCard ? (
                <div key={id} id={`settings-${id}`}>
                  {section}
                </div>
              ) : (
                <section
                  key={id}
                  id={`settings-${id}`}
                  class="card settings-section"
                  aria-labelledby={`settings-${id}-title`}
                >
                  <h2 id={`settings-${id}-title`}>{t(title)}</h2>
                  {lead && <p class="muted">{t(lead)}</p>}
                  {section}
                </section>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
