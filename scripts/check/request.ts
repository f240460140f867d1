import type { SentRequest } from "./model.js";

/** A request before it has a URL: method, route template, values of its parameters, headers and body. */
export interface RequestParts {
  method: string;
  route: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}

/** The request for parts against a base URL (`http://127.0.0.1:4010/api/v1`): path values encoded, query appended. */
export function toRequest(baseUrl: string, parts: RequestParts): SentRequest {
  const route = parts.route.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parts.path[name] ?? ""));
  const query = new URLSearchParams(parts.query).toString();
  const url = `${baseUrl.replace(/\/+$/, "")}${route}${query ? `?${query}` : ""}`;
  const request: SentRequest = { method: parts.method.toUpperCase(), url, headers: { ...parts.headers } };
  if (parts.body !== undefined) request.body = parts.body;
  return request;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A `curl` command line that sends the request again (a body over 2,000 characters is elided). */
export function curlOf(request: SentRequest): string {
  const parts = ["curl -i", "-X", request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push("-H", quote(`${name}: ${value}`));
  if (request.body !== undefined) {
    const body = request.body.length > 2000 ? `${request.body.slice(0, 2000)}…` : request.body;
    parts.push("--data-raw", quote(body));
  }
  return parts.join(" ");
}
