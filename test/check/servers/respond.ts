/** What the test servers share: sending a kit's error response, reading a bearer token, JSON bodies. */
import type http from "node:http";
import type { ErrorResponse } from "@error-contracts/server";

/** A test server's answer: status, headers, body (text). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A kit's error response as an answer, with its media type. */
export function fromKit(error: ErrorResponse): Answer {
  return {
    status: error.status,
    headers: { "content-type": error.mediaType, ...error.headers },
    body: JSON.stringify(error.body),
  };
}

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** Writes an answer. */
export function write(response: http.ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

/** The bearer token of a request: `full`, `low`, or `none` (missing or any other). */
export function rights(request: http.IncomingMessage): "full" | "low" | "none" {
  const auth = request.headers.authorization;
  if (auth === "Bearer test-token") return "full";
  if (auth === "Bearer test-token-low") return "low";
  return "none";
}

/** The body parsed as JSON, or `undefined` when it is not JSON. */
export function parseJson(body: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body) };
  } catch {
    return undefined;
  }
}

/** Whether an `Accept` header takes JSON (or is absent). */
export function acceptsJson(accept: string | undefined): boolean {
  return !accept || /(^|,)\s*(\*\/\*|application\/\*|application\/(problem\+)?json)/.test(accept);
}
