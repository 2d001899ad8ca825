import "./lock-icon.css";

/** The padlock of internal notes (in the thread and the history). */
export function LockIcon() {
  return (
    <svg class="lock" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="5" y="11" width="14" height="9" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
