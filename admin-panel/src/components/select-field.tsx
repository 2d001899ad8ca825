/**
 * A labelled <select>: the inbox's filters and the ticket page's details share it. `anyLabel` adds a
 * first, empty choice ("All categories"); choosing it reports null.
 */
export function SelectField({
  id,
  label,
  value,
  options,
  anyLabel,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  anyLabel?: string;
  disabled?: boolean;
  onChange: (value: string | null) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
