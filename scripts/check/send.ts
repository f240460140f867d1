import type { Received, SentRequest } from "./model.js";

/** The server could not be reached, or did not answer in time: the run stops with exit 2, or the request is a finding. */
export class NoAnswer extends Error {}

/** The largest body read from one response; the rest is dropped. */
const MAX_BODY = 1024 * 1024;

/**
 * Sends one request and reads its whole response: redirects are not followed (a run stays on the
 * origin it was given), the answer must come within `timeout` ms.
 */
export async function send(request: SentRequest, timeout: number): Promise<Received> {
  let response: Response;
  try {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: "manual",
      signal: AbortSignal.timeout(timeout),
    };
    if (request.body !== undefined) init.body = request.body;
    response = await fetch(request.url, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const body = new TextDecoder().decode(bytes.subarray(0, MAX_BODY));
    return { status: response.status, headers, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why =
      (error as Error).name === "TimeoutError"
        ? `no answer within ${timeout} ms`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new NoAnswer(`${request.method} ${request.url}: ${why}`);
  }
}
