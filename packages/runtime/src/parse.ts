/** Media types whose bodies are parsed: `application/json` and `application/problem+json`, with any parameters. */
const jsonType = /^application\/(problem\+)?json\s*(;|$)/i;
/** Decodes whole bodies only (never `stream: true`), so one serves every call. */
const decoder = new TextDecoder();

/**
 * Reads an error response's body, at most `maxBytes` of it, never throwing: the parsed JSON
 * for a JSON media type, else the text; `undefined` for an empty body. A body that is cut
 * off (too long, reset, or stopped by `signal`) or malformed JSON is kept as the text that
 * came. `signal` also ends a read that would never settle (undici hangs on a bad gzip body).
 */
export async function readBody(response: Response, maxBytes: number, signal?: AbortSignal): Promise<unknown> {
  const reader = response.body?.getReader();
  const stopped = signal && new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
  const chunks: Uint8Array[] = [];
  let left = maxBytes;
  let whole = true;
  try {
    for (;;) {
      const chunk = await (stopped ? Promise.race([reader!.read(), stopped]) : reader!.read());
      if (!chunk) throw 0;
      if (chunk.done) break;
      chunks.push(chunk.value.subarray(0, left));
      if ((left -= chunk.value.byteLength) < 0) throw 0;
    }
  } catch {
    // No body, or cut off: keep what came.
    whole = false;
    reader?.cancel().catch(() => {});
  }
  const text = decoder.decode(chunks.length === 1 ? chunks[0] : await new Blob(chunks as BlobPart[]).arrayBuffer());
  if (!text) return undefined;
  if (whole && jsonType.test(String(response.headers.get("content-type")))) {
    try {
      return JSON.parse(text);
    } catch {
      // Malformed JSON: kept as text.
    }
  }
  return text;
}

/**
 * How long the server asks the client to wait, in ms: `retry-after-ms`, else `Retry-After`
 * as delta-seconds or an HTTP-date (a past date is 0). Negative or garbage values: undefined.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  // Headers hold values trimmed.
  const ms = headers.get("retry-after-ms") ?? "";
  const value = headers.get("retry-after") ?? "";
  const untilDate = / GMT$/.test(value) ? Date.parse(value) - now : NaN;
  return /^\d+(\.\d+)?$/.test(ms)
    ? +ms
    : /^\d+$/.test(value)
      ? +value * 1000
      : untilDate >= 0
        ? untilDate
        : untilDate < 0
          ? 0
          : undefined;
}
