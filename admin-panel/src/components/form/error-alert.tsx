/** A refusal or failure above a form or a page, read out by screen readers as it appears. */
export function ErrorAlert({ error }: { error: string | null | undefined }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}
