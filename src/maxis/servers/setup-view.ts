/**
 * What `/setup` shows: a server's settings as its admins read them, and Discord's own menus to change
 * them (role select, channel selects, a language select, buttons; the texts in a form). Pure.
 */
import { ButtonStyle, ChannelType, ComponentType, TextInputStyle } from "discord-api-types/payloads/v10";
import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIInteractionResponse,
  APILabelComponent,
  APISelectMenuDefaultValue,
  SelectMenuDefaultValueType,
} from "discord-api-types/v10";
import type { ServerSettings } from "../../shared/contracts/settings";
import { customId } from "../../shared/discord/handlers";
import type { MessageData } from "../../shared/discord/responses";
import { openModal } from "../../shared/discord/responses";
import type { Locale, Translator } from "../../shared/i18n";
import { clip, inertText } from "../../shared/markdown";
import { categoryEmoji } from "./category-emoji";
import { categoryLabel } from "./settings";

/** `setup:<what>` for the menus and buttons, `setup-texts` for the form. */
export const SETUP_PREFIX = "setup";
export const SETUP_TEXTS_MODAL = "setup-texts";
export const SETUP_CONTROLS = ["roles", "support", "staff", "lang", "dms", "texts"] as const;
export type SetupControl = (typeof SETUP_CONTROLS)[number];

const roles = (t: Translator, ids: readonly string[]) =>
  ids.length > 0 ? ids.map((id) => `<@&${id}>`).join(", ") : t("setup.none");
const channel = (t: Translator, id: string | null) => (id ? `<#${id}>` : t("setup.none"));
/** Admins' words (titles, labels, emoji) read as typed: no formatting, mentions or links. */
const typed = (text: string) => inertText(text, 256);
/** A usable emoji shows as itself; anything else as the text it is (it is left off the panel's buttons). */
const emojiText = (emoji: string | null) => (!emoji ? "•" : categoryEmoji(emoji) ? emoji : typed(emoji));

/** What `/setup` says beside the settings: the outcome of a change, and what Discord told about Maxis. */
export interface SetupNotes {
  /** Saved, or what went wrong; first in the message. */
  status?: string;
  /** Whether Maxis has the Server Members intent; false adds a warning, null (unknown) says nothing. */
  membersIntent?: boolean | null;
}

export function settingsText(
  t: Translator,
  locale: Locale,
  settings: ServerSettings,
  notes: SetupNotes = {},
): string {
  const lines = [
    `**${t("setup.title")}**`,
    ...(notes.membersIntent === false ? [t("setup.members_intent_missing")] : []),
    t("setup.staff_roles", { roles: roles(t, settings.staffRoleIds) }),
    t("setup.support_channel", { channel: channel(t, settings.supportChannelId) }),
    t("setup.staff_channel", { channel: channel(t, settings.staffChannelId) }),
    t("setup.limit", { limit: settings.openTicketLimit }),
    t("setup.dms", { state: t(settings.dmNotifications ? "setup.on" : "setup.off") }),
    t("setup.language", { language: t(`setup.language.${settings.defaultLocale}`) }),
    t("setup.panel", { title: settings.panelTitle ? typed(settings.panelTitle) : t("panel.default_title") }),
    "",
    t("setup.categories"),
    ...settings.categories.map((category) =>
      t("setup.category", {
        emoji: emojiText(category.emoji),
        label: typed(categoryLabel(category, locale)),
        disabled: category.enabled ? "" : t("setup.category.disabled"),
        staff:
          (category.staffRoleIds ?? []).length > 0
            ? roles(t, category.staffRoleIds ?? [])
            : t("setup.category.everyone"),
      }),
    ),
    "",
    `-# ${t("setup.integrations_hint")}`,
  ];
  return lines.join("\n");
}

const defaults = <T extends SelectMenuDefaultValueType>(ids: readonly string[], type: T) =>
  ids.map((id): APISelectMenuDefaultValue<T> => ({ id, type }));

const row = (
  component: APIComponentInMessageActionRow,
): APIActionRowComponent<APIComponentInMessageActionRow> => ({
  type: ComponentType.ActionRow,
  components: [component],
});

/** The settings and the five rows of controls; the notes' status (saved, or what went wrong) comes first. */
export function setupMessage(
  t: Translator,
  locale: Locale,
  settings: ServerSettings,
  notes: SetupNotes = {},
): MessageData {
  const text = settingsText(t, locale, settings, notes);
  return {
    content: clip(notes.status ? `${notes.status}\n\n${text}` : text, 2000),
    components: [
      row({
        type: ComponentType.RoleSelect,
        custom_id: customId(SETUP_PREFIX, "roles"),
        placeholder: t("setup.view.staff_roles"),
        min_values: 0,
        max_values: 25,
        default_values: defaults(settings.staffRoleIds, "role" as SelectMenuDefaultValueType.Role),
      }),
      row({
        type: ComponentType.ChannelSelect,
        custom_id: customId(SETUP_PREFIX, "support"),
        placeholder: t("setup.view.support_channel"),
        channel_types: [ChannelType.GuildText],
        min_values: 0,
        max_values: 1,
        default_values: defaults(
          settings.supportChannelId ? [settings.supportChannelId] : [],
          "channel" as SelectMenuDefaultValueType.Channel,
        ),
      }),
      row({
        type: ComponentType.ChannelSelect,
        custom_id: customId(SETUP_PREFIX, "staff"),
        placeholder: t("setup.view.staff_channel"),
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        min_values: 0,
        max_values: 1,
        default_values: defaults(
          settings.staffChannelId ? [settings.staffChannelId] : [],
          "channel" as SelectMenuDefaultValueType.Channel,
        ),
      }),
      row({
        type: ComponentType.StringSelect,
        custom_id: customId(SETUP_PREFIX, "lang"),
        placeholder: t("setup.view.language"),
        options: (["en", "fr"] as const).map((value) => ({
          value,
          label: t(`setup.language.${value}`),
          default: settings.defaultLocale === value,
        })),
      }),
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: customId(SETUP_PREFIX, "dms"),
            style: settings.dmNotifications ? ButtonStyle.Success : ButtonStyle.Secondary,
            label: t(settings.dmNotifications ? "setup.view.dms_on" : "setup.view.dms_off"),
          },
          {
            type: ComponentType.Button,
            custom_id: customId(SETUP_PREFIX, "texts"),
            style: ButtonStyle.Primary,
            label: t("setup.view.texts"),
          },
        ],
      },
    ],
  };
}

const input = (
  t: Translator,
  id: "title" | "text" | "limit",
  value: string,
  options: { paragraph?: boolean; max: number; required: boolean },
): APILabelComponent => ({
  type: ComponentType.Label,
  label: t(
    id === "title"
      ? "setup.modal.panel_title"
      : id === "text"
        ? "setup.modal.panel_text"
        : "setup.modal.limit",
  ),
  component: {
    type: ComponentType.TextInput,
    custom_id: id,
    style: options.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
    max_length: options.max,
    required: options.required,
    ...(value ? { value: value.slice(0, options.max) } : {}),
  },
});

/** What the database keeps at most (server_settings_update), and what the texts form lets one type. */
export const PANEL_TITLE_MAX = 256;
export const PANEL_TEXT_MAX = 2000;

/** Characters as Postgres counts them (code points), after the trim it applies. */
const characters = (text: string) => [...text.trim()].length;

/** Null when `text` fits in `max` characters; otherwise the refusal naming the limit. */
export function overLongText(
  t: Translator,
  field: "panel_title" | "panel_text",
  text: string | null,
  max: number,
): string | null {
  const count = text === null ? 0 : characters(text);
  return count > max ? t(`setup.too_long.${field}`, { max, count }) : null;
}

/** The texts form, filled with what is set now. */
export function setupTextsModal(t: Translator, settings: ServerSettings): APIInteractionResponse {
  return openModal({
    custom_id: SETUP_TEXTS_MODAL,
    title: t("setup.modal.title").slice(0, 45),
    components: [
      input(t, "title", settings.panelTitle ?? "", { max: PANEL_TITLE_MAX, required: false }),
      input(t, "text", settings.panelText ?? "", { paragraph: true, max: PANEL_TEXT_MAX, required: false }),
      input(t, "limit", String(settings.openTicketLimit), { max: 2, required: true }),
    ],
  });
}

/** The limit as typed in the form, or null when it is not a whole number from 1 to 50. */
export function parseLimit(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[0-9]{1,2}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= 50 ? value : null;
}
