import type { Exchange, TriggerInfo } from "./model.js";

/** One recorded request and response, and the trigger it was sent as when `check` recorded it. */
export type Recorded = Omit<Exchange, "operation">;

interface HarHeader {
  name: string;
  value: string;
}

/** HAR headers as one lower-cased record (repeated ones joined with ", "). */
function headersOf(list: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of Array.isArray(list) ? (list as HarHeader[]) : []) {
    if (typeof h?.name !== "string" || typeof h.value !== "string") continue;
    const name = h.name.toLowerCase();
    headers[name] = headers[name] === undefined ? h.value : `${headers[name]}, ${h.value}`;
  }
  return headers;
}

const toHeaders = (headers: Record<string, string>): HarHeader[] =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

/** NDJSON headers (an object) as one lower-cased record. */
const lower = (h: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(h && typeof h === "object" ? h : {}).map(([k, v]) => [k.toLowerCase(), String(v)]));

/** Where a recording is wrong: the entry or line it is at. */
export class RecordingRejected extends Error {}

/** The exchanges of a HAR 1.2 log (a body in base64 decoded); `_errorContractsTrigger` read where `check` wrote it. */
export function readHar(text: string): Recorded[] {
  let har: { log?: { entries?: unknown[] } };
  try {
    har = JSON.parse(text);
  } catch (error) {
    throw new RecordingRejected(`not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(har?.log?.entries)) throw new RecordingRejected("not a HAR file: no log.entries");
  return har.log.entries.map((raw, i) => {
    const entry = raw as {
      request?: { method?: string; url?: string; headers?: unknown; postData?: { text?: string } };
      response?: { status?: number; headers?: unknown; content?: { text?: string; encoding?: string } };
      _errorContractsTrigger?: TriggerInfo;
    };
    const { request, response } = entry;
    if (typeof request?.method !== "string" || typeof request.url !== "string" || typeof response?.status !== "number")
      throw new RecordingRejected(`entry ${i + 1}: no request method and URL, or no response status`);
    const content = response.content;
    const body =
      content?.encoding === "base64"
        ? Buffer.from(content.text ?? "", "base64").toString("utf8")
        : (content?.text ?? "");
    const recorded: Recorded = {
      request: { method: request.method, url: request.url, headers: headersOf(request.headers) },
      response: { status: response.status, headers: headersOf(response.headers), body },
    };
    if (request.postData?.text !== undefined) recorded.request.body = request.postData.text;
    if (entry._errorContractsTrigger) recorded.trigger = entry._errorContractsTrigger;
    return recorded;
  });
}

/** A recorded body: its text, or a JSON value written as itself (an object, an array, a number…) as its JSON text. */
const bodyText = (body: unknown) =>
  typeof body === "string" ? body : body === undefined || body === null ? "" : JSON.stringify(body);

/**
 * NDJSON: one `{ request: { method, url, headers, body? }, response: { status, headers, body }, trigger? }` a line;
 * a body is text, or a JSON value written as itself.
 */
export function readNdjson(text: string): Recorded[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      let value: Recorded;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new RecordingRejected(`line ${n}: not JSON: ${(error as Error).message}`);
      }
      if (
        typeof value?.request?.method !== "string" ||
        typeof value.request.url !== "string" ||
        typeof value.response?.status !== "number"
      )
        throw new RecordingRejected(`line ${n}: no request method and URL, or no response status`);
      const recorded: Recorded = {
        request: { method: value.request.method, url: value.request.url, headers: lower(value.request.headers) },
        response: {
          status: value.response.status,
          headers: lower(value.response.headers),
          body: bodyText(value.response.body),
        },
      };
      if (value.request.body !== undefined && value.request.body !== null)
        recorded.request.body = bodyText(value.request.body);
      if (value.trigger) recorded.trigger = value.trigger;
      return recorded;
    });
}

/** A HAR 1.2 log of exchanges, each with the trigger it was sent as (`_errorContractsTrigger`). */
export function toHar(exchanges: Exchange[], version: string): string {
  const entries = exchanges.map(({ request, response, trigger }) => ({
    startedDateTime: new Date().toISOString(),
    time: 0,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: "HTTP/1.1",
      headers: toHeaders(request.headers),
      queryString: [...new URL(request.url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: request.body === undefined ? 0 : Buffer.byteLength(request.body),
      ...(request.body === undefined
        ? {}
        : { postData: { mimeType: request.headers["content-type"] ?? "", text: request.body } }),
    },
    response: {
      status: response.status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: toHeaders(response.headers),
      cookies: [],
      content: {
        size: Buffer.byteLength(response.body),
        mimeType: response.headers["content-type"] ?? "",
        text: response.body,
      },
      redirectURL: "",
      headersSize: -1,
      bodySize: Buffer.byteLength(response.body),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(trigger ? { _errorContractsTrigger: trigger } : {}),
  }));
  return JSON.stringify(
    { log: { version: "1.2", creator: { name: "error-contracts check", version }, entries } },
    null,
    2,
  );
}
