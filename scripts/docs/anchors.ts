import { followRef, isObject, operations, type Json } from "../../src/openapi/index.js";
import type { Catalog, CatalogError, CatalogFamily } from "../core/catalog-format.js";

/** The landing page's anchor of a code: `messaging-30011`, `sales-INSUFFICIENT_PERMISSIONS`. */
export const codeAnchor = (family: string, code: string | number) => `${family}-${code}`;

/**
 * Redoc 3's route of an operation: `<tag slug>/<operationId, lower-cased>` (what its sidebar
 * links to, `#/records/getcrmrecord`). The browser test checks every link the build makes.
 */
export function redocOperationRoute(tag: string, operationId: string): string {
  const tagSlug = tag
    .toLowerCase()
    .trim()
    .replace(/\s+/g, "-")
    .replace(/&/g, "-and-")
    .replace(/--+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${tagSlug}/${operationId.replace(/\\/g, "%5C").toLowerCase()}`;
}

/** Redoc 3's link to one response of an operation: opens the operation with that status selected. */
export function redocResponseHash(route: string, status: number | string): string {
  return `#/${route}#${route}/response&c=${status}/body`;
}

/** Where the reference documents a code: the response of one operation that lists its example. */
export interface CodeLocation {
  api: string;
  operationId: string;
  method: string;
  path: string;
  /** The operation's summary (its label in the reference's sidebar). */
  summary: string;
  status: number;
  /** Relative to the docs folder: `messaging.html#/messages/sendmessage#messages/sendmessage/response&c=400/body`. */
  href: string;
}

const resolve = (doc: Json, node: unknown): unknown => followRef(doc, node).node;

const refName = (node: unknown) =>
  isObject(node) && typeof node.$ref === "string" ? node.$ref.split("/").at(-1) : undefined;

/** The `x-error-code`s an operation's parameters and request body name (the limits behind 400s). */
function limitCodes(doc: Json, operation: Json, item: Json): Set<string> {
  const codes = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    const resolved = resolve(doc, node);
    if (seen.has(resolved) || (!isObject(resolved) && !Array.isArray(resolved))) return;
    seen.add(resolved);
    if (Array.isArray(resolved)) {
      for (const item of resolved) visit(item);
      return;
    }
    if (resolved["x-error-code"] !== undefined) codes.add(String(resolved["x-error-code"]));
    for (const [key, value] of Object.entries(resolved)) if (key !== "examples" && key !== "example") visit(value);
  };
  visit(item.parameters);
  visit(operation.parameters);
  visit(operation.requestBody);
  return codes;
}

/**
 * For each catalog code (by `codeAnchor`), the response in the reference that documents it:
 * the first operation, in document order, whose response of the code's status lists its
 * example, preferring one whose request limits name the code (`x-error-code`).
 */
export function codeLocations(apis: { id: string; doc: Json }[], catalog: Catalog): Map<string, CodeLocation> {
  const found = new Map<string, CodeLocation>();
  const byExample = new Map<string, { family: CatalogFamily; error: CatalogError }>();
  for (const family of catalog.families)
    for (const error of family.errors) byExample.set(error.example, { family, error });
  const preferred = new Set<string>();
  for (const api of apis) {
    for (const { route, method, operation, item } of operations(api.doc)) {
      if (typeof operation.operationId !== "string" || !isObject(operation.responses)) continue;
      const tag =
        Array.isArray(operation.tags) && typeof operation.tags[0] === "string" ? operation.tags[0] : undefined;
      if (!tag) continue;
      const limits = limitCodes(api.doc, operation, item);
      const operationRoute = redocOperationRoute(tag, operation.operationId);
      for (const [status, ref] of Object.entries(operation.responses)) {
        const response = resolve(api.doc, ref);
        if (!isObject(response) || !isObject(response.content)) continue;
        for (const media of Object.values(response.content)) {
          if (!isObject(media) || !isObject(media.examples)) continue;
          for (const [key, example] of Object.entries(media.examples)) {
            const entry = byExample.get(refName(example) ?? key);
            if (!entry?.family.apis.includes(api.id)) continue;
            const anchor = codeAnchor(entry.family.id, entry.error.code);
            const namesLimit = limits.has(String(entry.error.code));
            if (found.has(anchor) && (preferred.has(anchor) || !namesLimit)) continue;
            if (namesLimit) preferred.add(anchor);
            found.set(anchor, {
              api: api.id,
              operationId: operation.operationId,
              method,
              path: route,
              summary: typeof operation.summary === "string" ? operation.summary : operation.operationId,
              status: Number(status),
              href: `${api.id}.html${redocResponseHash(operationRoute, status)}`,
            });
          }
        }
      }
    }
  }
  return found;
}
