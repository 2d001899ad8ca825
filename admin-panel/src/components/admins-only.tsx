/** What an agent sees on a page only the server's admins may open (Plans, Sales). */
export function AdminsOnly({ page, title, message }: { page: string; title: string; message: string }) {
  return (
    <div class={page}>
      <div class="page-head">
        <h1>{title}</h1>
      </div>
      <p class="error" role="alert">
        {message}
      </p>
    </div>
  );
}
