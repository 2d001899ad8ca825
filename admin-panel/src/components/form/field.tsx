import type { ComponentChildren } from "preact";

/**
 * One labelled form control with its hint below (`<small id="<id>-hint">`, which the control names in
 * its `aria-describedby`); the control itself is the child.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  hintId?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint !== undefined && props.hint !== false && (
        <small id={props.hintId ?? `${props.id}-hint`}>{props.hint}</small>
      )}
    </div>
  );
}
