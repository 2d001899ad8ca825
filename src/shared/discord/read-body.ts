/**
 * Reads a request body as text, giving up (undefined) as soon as it passes `maxBytes`, so an
 * oversized body is never held in memory whole, whether or not it declared its length.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<string | undefined> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes) return undefined;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
