import type { ComponentChildren } from "preact";

/**
 * A form's buttons: what comes `before` (cancel), the submit button ("Saving…" while busy; `disabled`
 * also while there is nothing to save), the rest.
 */
export function SaveBar(props: {
  busy: boolean;
  disabled?: boolean;
  label: string;
  savingLabel: string;
  before?: ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <div class="actions">
      {props.before}
      <button type="submit" class="btn primary" disabled={props.busy || props.disabled}>
        {props.busy ? props.savingLabel : props.label}
      </button>
      {props.children}
    </div>
  );
}
