import { PLAN_LIMITS } from "../../api";
import { Field } from "../../components/form/field";

/** A plan's name or description (English or French), with the plan functions' length limit. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  multiline?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const common = {
    id: props.id,
    value: props.value,
    "aria-describedby": hintId,
    maxLength: props.multiline ? PLAN_LIMITS.description : PLAN_LIMITS.name,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <Field id={props.id} label={props.label} hint={props.hint}>
      {props.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </Field>
  );
}
