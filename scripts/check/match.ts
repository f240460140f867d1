import type { Operation } from "../../src/openapi/index.js";
import type { Contract } from "./contract.js";

/** A text as a regular expression that matches it exactly. */
const regExpText = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/** Each operation's route as a pattern, and its literal length (the more literal match wins): compiled once. */
const routes = new WeakMap<Operation, { pattern: RegExp; literal: number }>();
function routeOf(op: Operation): { pattern: RegExp; literal: number } {
  let route = routes.get(op);
  if (!route) {
    const pattern = op.route
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith("{") ? "[^/]+" : regExpText(part)))
      .join("");
    route = { pattern: new RegExp(`${pattern}/?$`), literal: op.route.replace(/\{[^}]+\}/g, "").length };
    routes.set(op, route);
  }
  return route;
}

/**
 * The operation a request to a URL is for: its method, and a route template the URL's path ends
 * with (whatever base path comes before it); of several, the one with the most literal characters
 * (`/customers/me` before `/customers/{id}`).
 */
export function operationFor(contract: Contract, method: string, url: string): Operation | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const candidates = contract.operations.filter((op) => op.method === method.toLowerCase());
  let best: { op: Operation; literal: number } | undefined;
  for (const op of candidates) {
    const { pattern, literal } = routeOf(op);
    if (!pattern.test(pathname)) continue;
    if (!best || literal > best.literal) best = { op, literal };
  }
  return best?.op;
}
