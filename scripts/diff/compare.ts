/**
 * Two bundled versions of an API → the findings a client would notice when things fail: the
 * operations and responses, then each error response both have (media types, headers, the body's
 * shape as a whole, then its schema by meaning: `schemas.ts`), then the catalogs (`catalogs.ts`).
 * Each finding carries where it is in both versions, for `locations.ts` to place in files.
 */
import type { Json, JsonPath } from "../../src/openapi/index.js";
import {
  componentAt,
  errorResponsesOf,
  followRef,
  isErrorKey,
  isJsonMediaType,
  isObject,
  mediaTypeBase as mediaBase,
  objectAt,
  operationName,
  operations,
} from "../../src/openapi/index.js";
import { compareCatalogs } from "./catalogs.js";
import { Findings, nearest } from "./findings.js";
import { meaningOf, typeText } from "./meaning.js";
import type { Finding } from "./rules.js";
import { compareSchemas } from "./schemas.js";
import { ShapeChanges } from "./shapes.js";

interface Docs {
  base: Json;
  head: Json;
}

/** A node with local `$ref`s followed, where it is, and the component it is (`Messaging400`), if any. */
function resolve(doc: Json, node: unknown, at: JsonPath): { node: unknown; path: JsonPath; component?: string } {
  const { node: target, path } = followRef(doc, node);
  return { node: target, path: path ?? at, component: path?.length === 3 ? componentAt(path)?.name : undefined };
}

/** Compares two versions of one API's error contract; both are bundled documents (local `$ref`s only). */
export function compareContracts(base: Json, head: Json): Finding[] {
  const docs = { base, head };
  const findings = new Findings();
  const shapes = new ShapeChanges();
  const headOps = new Map(operations(head).map((op) => [operationName(op), op]));
  const baseOps = operations(base);
  const baseNames = new Set(baseOps.map(operationName));
  for (const [name, headOp] of headOps) {
    if (baseNames.has(name)) continue;
    const errors = errorResponsesOf(headOp.operation, headOp.path).map((response) => response.key);
    const message =
      errors.length > 0 ? `newly declared, with error responses ${errors.join(", ")}.` : "newly declared.";
    findings.add("operation-added", name, message, nearest(base, headOp.path), headOp.path);
  }
  for (const baseOp of baseOps) {
    const name = operationName(baseOp);
    const headOp = headOps.get(name);
    if (!headOp) {
      const message = "removed, with every response it declared.";
      findings.add("operation-removed", name, message, baseOp.path, nearest(head, baseOp.path));
      continue;
    }
    const at = { base: [...baseOp.path, "responses"], head: [...headOp.path, "responses"] };
    const before = objectAt(baseOp.operation, "responses");
    const after = objectAt(headOp.operation, "responses");
    for (const key of Object.keys(before)) {
      if (!(key in after))
        findings.add("response-removed", `${name} ${key}`, "no longer declared.", [...at.base, key], at.head);
    }
    for (const key of Object.keys(after)) {
      if (key in before) continue;
      // What answered this status before: its range (`4XX`), else `default`.
      const fallback =
        Object.keys(before).find((b) => b.toUpperCase() === `${key[0]}XX`) ??
        Object.keys(before).find((b) => b === "default");
      const where: [JsonPath, JsonPath] = [
        [...at.base, fallback ?? ""],
        [...at.head, key],
      ];
      if (fallback && /^\d{3}$/.test(key) && bodiesDiffer(docs, before[fallback], after[key])) {
        const message = `newly declared; ${fallback} answered this status before, with another schema.`;
        findings.add("response-shadows-fallback", `${name} ${key}`, message, ...where);
      } else {
        findings.add("response-added", `${name} ${key}`, "newly declared.", fallback ? where[0] : at.base, where[1]);
      }
    }
    for (const key of Object.keys(before).filter((k) => k in after && isErrorKey(k))) {
      const b = resolve(base, before[key], [...at.base, key]);
      const h = resolve(head, after[key], [...at.head, key]);
      const where = b.component && b.component === h.component ? `response ${b.component}` : `${name} ${key}`;
      if (findings.once(`response:${where}`)) compareErrorResponse(docs, b, h, where, findings, shapes);
    }
  }
  shapes.report(findings);
  compareCatalogs(base, head, findings);
  return findings.list;
}

/** Whether two responses' bodies differ for a client: the schemas of each media type, by meaning. */
function bodiesDiffer(docs: Docs, before: unknown, after: unknown): boolean {
  const summary = (doc: Json, response: unknown) => {
    const { node } = followRef(doc, response);
    return JSON.stringify(
      Object.entries(objectAt(node, "content")).map(([mt, media]) => {
        const meaning = meaningOf(doc, isObject(media) ? media.schema : undefined, []);
        return [mediaBase(mt), typeText(meaning), [...meaning.properties.keys()].sort()];
      }),
    );
  };
  return summary(docs.base, before) !== summary(docs.head, after);
}

type Resolved = ReturnType<typeof resolve>;

function compareErrorResponse(
  docs: Docs,
  b: Resolved,
  h: Resolved,
  where: string,
  findings: Findings,
  shapes: ShapeChanges,
) {
  if (!isObject(b.node) || !isObject(h.node)) return;
  const beforeMedia = objectAt(b.node, "content");
  const afterMedia = objectAt(h.node, "content");
  const afterTypes = new Map(Object.keys(afterMedia).map((mt) => [mediaBase(mt), mt]));
  const beforeTypes = new Set(Object.keys(beforeMedia).map(mediaBase));
  for (const mt of Object.keys(beforeMedia)) {
    if (afterTypes.has(mediaBase(mt))) continue;
    // Replaced: the head has a media type the base did not; else that body is just gone.
    const now = [...afterTypes.keys()].filter((t) => !beforeTypes.has(t));
    findings.add(
      "error-media-type-changed",
      where,
      now.length ? `now ${now.join(", ")} instead of ${mediaBase(mt)}.` : `no longer has a body of ${mediaBase(mt)}.`,
      [...b.path, "content", mt],
      [...h.path, "content"],
    );
  }
  compareHeaders(docs, b, h, where, findings);
  for (const [mt, media] of Object.entries(beforeMedia)) {
    const now = afterTypes.get(mediaBase(mt));
    if (!now || !isObject(media)) continue;
    const before = { schema: media.schema, path: [...b.path, "content", mt, "schema"], owner: undefined };
    const after = {
      schema: (afterMedia[now] as Json | undefined)?.schema,
      path: [...h.path, "content", now, "schema"],
      owner: undefined,
    };
    if (isJsonMediaType(mt)) {
      const [sb, sh] = [resolve(docs.base, before.schema, before.path), resolve(docs.head, after.schema, after.path)];
      if (shapes.note(docs, { schema: sb.node, path: sb.path }, { schema: sh.node, path: sh.path }, mt, where))
        continue;
    }
    compareSchemas(docs, before, after, { where, field: "" }, findings);
  }
}

/** Headers by name without case: removed, made optional, or of another type. */
function compareHeaders(docs: Docs, b: Resolved, h: Resolved, where: string, findings: Findings) {
  const headers = (doc: Json, response: Resolved) =>
    new Map(
      Object.entries(objectAt(response.node, "headers")).map(([name, header]) => [
        name.toLowerCase(),
        { name, ...resolve(doc, header, [...response.path, "headers", name]) },
      ]),
    );
  const after = headers(docs.head, h);
  for (const [lower, { name, node, path }] of headers(docs.base, b)) {
    const now = after.get(lower);
    const required = isObject(node) && node.required === true;
    const location = `${where} header ${name}`;
    if (!now) {
      const kind = required ? "required" : "optional";
      findings.add(
        required ? "header-removed" : "optional-header-removed",
        location,
        `the ${kind} header was removed.`,
        path,
        [...h.path, "headers"],
      );
      continue;
    }
    if (required && !(isObject(now.node) && now.node.required === true))
      findings.add("header-made-optional", location, "is no longer required.", path, now.path);
    const typeOf = (doc: Json, header: unknown, at: JsonPath) =>
      typeText(meaningOf(doc, isObject(header) ? header.schema : undefined, [...at, "schema"]));
    const [tb, ta] = [typeOf(docs.base, node, path), typeOf(docs.head, now.node, now.path)];
    if (tb !== ta) findings.add("header-type-changed", location, `is now ${ta} instead of ${tb}.`, path, now.path);
  }
}
