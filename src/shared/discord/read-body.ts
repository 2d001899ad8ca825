/**
 * Reads a request body as text, giving up (undefined) as soon as it passes `maxBytes`, so an
 * oversized body is never held in memory whole, whether or not it declared its length.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<string | undefined> {
  const length = request.headers.get("Content-Length");
  const declared = Number(length ?? 0);
  if (declared > maxBytes) return undefined;
  if (!request.body) return "";
  // A declared length is the body's exact length (the runtime holds the sender to it), so the body
  // is within bounds and the runtime's own reader, several times cheaper than a loop over chunks
  // in JavaScript, can read it. Discord always declares it; only a chunked body takes the loop.
  if (length !== null && /^\d+$/.test(length)) return request.text();
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
