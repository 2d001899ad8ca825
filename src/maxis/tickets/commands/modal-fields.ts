import { ComponentType } from "discord-api-types/payloads/v10";
import type { APIModalSubmissionComponent } from "discord-api-types/v10";

/**
 * The values of a submitted form by `custom_id`. Discord sends text inputs wrapped in Labels (current)
 * or in ActionRows (older clients and forms); both are read. Selects give their first value.
 */
export function modalFields(components: readonly APIModalSubmissionComponent[]): Map<string, string> {
  const fields = new Map<string, string>();
  const read = (component: {
    type: ComponentType;
    custom_id?: string;
    value?: unknown;
    values?: unknown;
  }) => {
    if (!component.custom_id) return;
    if (component.type === ComponentType.TextInput && typeof component.value === "string") {
      fields.set(component.custom_id, component.value);
    } else if (Array.isArray(component.values) && typeof component.values[0] === "string") {
      fields.set(component.custom_id, component.values[0]);
    }
  };
  for (const component of components) {
    if (component.type === ComponentType.ActionRow) component.components.forEach(read);
    else if (component.type === ComponentType.Label) read(component.component);
  }
  return fields;
}
