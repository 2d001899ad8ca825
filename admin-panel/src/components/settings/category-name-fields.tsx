import { useApp } from "../../context";
import { Field } from "../form/field";

export interface CategoryNames {
  labelEn: string;
  labelFr: string;
  emoji: string;
}

/** A category's names in English and French and its emoji, as the add form and the editor show them. */
export function CategoryNameFields(props: {
  idPrefix: string;
  names: CategoryNames;
  onChange: (patch: Partial<CategoryNames>) => void;
  disabled?: boolean;
  required?: boolean;
}) {
  const { t } = useApp();
  const { idPrefix, names, onChange, disabled, required } = props;
  return (
    <div class="field-row">
      <Field id={`${idPrefix}-en`} label={t("settings.category.labelEn")}>
        <input
          id={`${idPrefix}-en`}
          maxLength={45}
          required={required}
          value={names.labelEn}
          disabled={disabled}
          onInput={(e) => onChange({ labelEn: e.currentTarget.value })}
        />
      </Field>
      <Field id={`${idPrefix}-fr`} label={t("settings.category.labelFr")}>
        <input
          id={`${idPrefix}-fr`}
          maxLength={45}
          required={required}
          value={names.labelFr}
          disabled={disabled}
          onInput={(e) => onChange({ labelFr: e.currentTarget.value })}
        />
      </Field>
      <div class="field narrow">
        <label for={`${idPrefix}-emoji`}>{t("settings.category.emoji")}</label>
        <input
          id={`${idPrefix}-emoji`}
          maxLength={64}
          value={names.emoji}
          disabled={disabled}
          onInput={(e) => onChange({ emoji: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
