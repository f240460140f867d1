/** Media types whose bodies are parsed: `application/json` and `application/problem+json`, with any parameters. */
const jsonType = /^\s*application\/(?:problem\+)?json\s*(?:;|$)/i;

/**
 * Reads an error response's body, at most `maxBytes` of it, never throwing: the parsed JSON
 * for a JSON media type, else the text; `undefined` for an empty body. A body that is cut
 * off (too long, reset, or stopped by `signal`) or malformed JSON is kept as the text that
 * came. `signal` also ends a read that would never settle (undici hangs on a bad gzip body).
 */
export async function readBody(response: Response, maxBytes: number, signal?: AbortSignal): Promise<unknown> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const stopped = new Promise<undefined>((resolve) => signal?.addEventListener("abort", () => resolve(undefined)));
  let text = "";
  let size = 0;
  let whole = true;
  if (reader) {
    try {
      for (let chunk = await Promise.race([reader.read(), stopped]); !chunk?.done; chunk = await Promise.race([reader.read(), stopped])) {
        if (!chunk || signal?.aborted) throw signal?.reason;
        size += chunk.value.byteLength;
        if (size > maxBytes) {
          text += decoder.decode(chunk.value.subarray(0, chunk.value.byteLength - size + maxBytes));
          throw 0;
        }
        text += decoder.decode(chunk.value, { stream: true });
      }
    } catch {
      whole = false;
      reader.cancel().catch(() => {});
    }
    text += decoder.decode();
  }
  if (text === "") return undefined;
  if (whole && jsonType.test(response.headers.get("content-type") ?? "")) {
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
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && /^\d+(?:\.\d+)?$/.test(ms)) return Number(ms);
  const value = headers.get("retry-after")?.trim() ?? "";
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = /^[A-Za-z]{3,9}, .* GMT$/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
