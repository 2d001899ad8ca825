import type { GuildRole } from "../../api";
import { useApp } from "../../context";

/** Checkboxes for the server's roles (as Discord lists them); ids not listed any more stay shown. */
export function RolePicker({
  id,
  roles,
  selected,
  disabled,
  onChange,
}: {
  id: string;
  roles: GuildRole[] | null;
  selected: readonly string[];
  disabled: boolean;
  onChange: (ids: string[]) => void;
}) {
  const { t } = useApp();
  const known = roles ?? [];
  const unknown = selected.filter((roleId) => !known.some((role) => role.id === roleId));
  const options = [...known, ...unknown.map((roleId) => ({ id: roleId, name: roleId }))];
  if (options.length === 0) return <p class="muted">{t("settings.noRoles")}</p>;
  const toggle = (roleId: string, on: boolean) =>
    onChange(on ? [...selected, roleId] : selected.filter((x) => x !== roleId));
  return (
    <ul class="role-picker" id={id}>
      {options.map((role) => (
        <li key={role.id}>
          <label class="check">
            <input
              type="checkbox"
              checked={selected.includes(role.id)}
              disabled={disabled}
              onChange={(e) => toggle(role.id, e.currentTarget.checked)}
            />
            <span>{role.name}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
