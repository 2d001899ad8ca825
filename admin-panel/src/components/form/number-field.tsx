import type { ComponentChildren } from "preact";
import { Field } from "./field";

/**
 * A labelled whole-number input between `min` and `max`. `onValue` gets the text as typed: the form
 * decides how to read it (a draft may keep the text, a setting the number).
 */
export function NumberField(props: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  min: number;
  max: number;
  value: number | string;
  disabled?: boolean;
  onValue: (text: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint}>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        disabled={props.disabled}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </Field>
  );
}
