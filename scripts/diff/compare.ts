// Two bundled versions of an API → the findings a client would notice when things fail. Over 250
// lines as one job: each rule reads the same pair of resolved responses; split by rule, each file
// would repeat the walk. compareErrorResponse (over 60 lines) is that shared walk of one response.
import type { Json } from "../../src/openapi/index.js";
import {
  catalogEntries,
  componentAt,
  flattenSchema,
  followRef,
  isErrorKey,
  isObject,
  mediaTypeBase as mediaBase,
  objectAt,
  operationName,
  operations,
  typesOf,
} from "../../src/openapi/index.js";
import { diffRules, type Finding, type RuleId } from "./rules.js";

/** A node with local `$ref`s followed, and the component it came from (`Messaging400`), if any. */
function resolve(doc: Json, node: unknown): { node: unknown; component?: string } {
  const { node: target, path } = followRef(doc, node);
  return { node: target, component: path ? componentAt(path)?.name : undefined };
}

const typeText = (schema: unknown) => typesOf(schema).sort().join("|") || "any";

/** Compares two versions of one API's error contract; both are bundled documents (local `$ref`s only). */
export function compareContracts(base: Json, head: Json): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: RuleId, location: string, message: string) =>
    findings.push({ rule, level: diffRules[rule].level, location, message });
  const done = new Set<string>();
  const once = (key: string) => {
    if (done.has(key)) return false;
    done.add(key);
    return true;
  };

  const headOps = new Map(operations(head).map((op) => [operationName(op), op]));
  for (const baseOp of operations(base)) {
    const name = operationName(baseOp);
    const headOp = headOps.get(name);
    if (!headOp) {
      add("operation-removed", name, `${name} was removed, with every response it declared.`);
      continue;
    }
    const before = objectAt(baseOp.operation, "responses");
    const after = objectAt(headOp.operation, "responses");
    for (const key of Object.keys(before)) {
      if (!(key in after)) add("response-removed", `${name} ${key}`, `${name} no longer declares a ${key} response.`);
    }
    for (const key of Object.keys(after)) {
      if (key in before) continue;
      const fallback = ["default", `${key[0]}XX`].find(
        (k) => k !== key && (k in before || Object.keys(before).some((b) => b.toUpperCase() === k)),
      );
      const fallbackKey = fallback && Object.keys(before).find((b) => b.toUpperCase() === fallback.toUpperCase());
      if (
        fallbackKey &&
        /^\d{3}$/.test(key) &&
        JSON.stringify(schemasOf(base, before[fallbackKey])) !== JSON.stringify(schemasOf(head, after[key]))
      ) {
        add(
          "response-shadows-fallback",
          `${name} ${key}`,
          `${name} now declares ${key}, which ${fallbackKey} answered before with another schema.`,
        );
      } else {
        add("response-added", `${name} ${key}`, `${name} now declares a ${key} response.`);
      }
    }
    for (const key of Object.keys(before).filter((k) => k in after && isErrorKey(k))) {
      const b = resolve(base, before[key]);
      const h = resolve(head, after[key]);
      const where = b.component && b.component === h.component ? `response ${b.component}` : `${name} ${key}`;
      if (!once(`response:${where}`)) continue;
      compareErrorResponse(base, head, b.node, h.node, where, add, once);
    }
  }
  compareCatalogs(base, head, add);
  return findings;
}

/** The schemas of a response by media type, with `$ref`s followed one level: what a client parses. */
function schemasOf(doc: Json, response: unknown): Json {
  const resolved = resolve(doc, response).node;
  if (!isObject(resolved) || !isObject(resolved.content)) return {};
  return Object.fromEntries(
    Object.entries(resolved.content).map(([mt, media]) => [mediaBase(mt), isObject(media) ? media.schema : undefined]),
  );
}

type Add = (rule: RuleId, location: string, message: string) => void;

function compareErrorResponse(
  base: Json,
  head: Json,
  before: unknown,
  after: unknown,
  where: string,
  add: Add,
  once: (key: string) => boolean,
) {
  if (!isObject(before) || !isObject(after)) return;
  // Media types.
  const beforeMedia = objectAt(before, "content");
  const afterMedia = objectAt(after, "content");
  const afterTypes = new Map(Object.keys(afterMedia).map((mt) => [mediaBase(mt), mt]));
  for (const mt of Object.keys(beforeMedia)) {
    if (afterTypes.has(mediaBase(mt))) continue;
    const now = [...afterTypes.keys()];
    add(
      "error-media-type-changed",
      where,
      now.length
        ? `${where} is now ${now.join(", ")} instead of ${mediaBase(mt)}.`
        : `${where} no longer has a ${mediaBase(mt)} body.`,
    );
  }
  // Headers, by name without case.
  const headers = (response: Json, doc: Json) =>
    new Map(
      Object.entries(objectAt(response, "headers")).map(([n, h]) => [
        n.toLowerCase(),
        { name: n, header: resolve(doc, h).node as Json },
      ]),
    );
  const hb = headers(before, base);
  const ha = headers(after, head);
  for (const [lower, { name, header }] of hb) {
    const now = ha.get(lower);
    const required = isObject(header) && header.required === true;
    if (!now) {
      add(
        required ? "header-removed" : "optional-header-removed",
        `${where} header ${name}`,
        `${where} no longer declares the ${required ? "required" : "optional"} header ${name}.`,
      );
      continue;
    }
    if (required && !(isObject(now.header) && now.header.required === true))
      add("header-made-optional", `${where} header ${name}`, `${where}: header ${name} is no longer required.`);
    const [tb, ta] = [
      typeText(resolve(base, isObject(header) ? header.schema : undefined).node),
      typeText(resolve(head, isObject(now.header) ? now.header.schema : undefined).node),
    ];
    if (tb !== ta)
      add("header-type-changed", `${where} header ${name}`, `${where}: header ${name} is now ${ta} instead of ${tb}.`);
  }
  // Bodies, for the media types both versions have.
  for (const [mt, media] of Object.entries(beforeMedia)) {
    const now = afterTypes.get(mediaBase(mt));
    if (!now || !isObject(media)) continue;
    const afterSchema = (afterMedia[now] as Json | undefined)?.schema;
    compareSchemas(base, head, media.schema, afterSchema, { where, field: "" }, add, once, 0);
  }
}

function compareSchemas(
  base: Json,
  head: Json,
  before: unknown,
  after: unknown,
  at: { where: string; field: string },
  add: Add,
  once: (key: string) => boolean,
  depth: number,
) {
  if (depth > 12) return;
  const b = resolve(base, before);
  const h = resolve(head, after);
  // A named schema is compared once, under its own name, whatever refers to it.
  let { where, field } = at;
  if (b.component && b.component === h.component) {
    where = `schema ${b.component}`;
    field = "";
    if (!once(`schema:${b.component}`)) return;
  }
  const label = (f: string) => `${where}${f ? `: ${f}` : ""}`;
  if (!isObject(b.node) || !isObject(h.node)) return;
  const [tb, ta] = [typeText(b.node), typeText(h.node)];
  if (typesOf(b.node).length > 0 && tb !== ta)
    add("body-type-changed", label(field), `${label(field)} is now ${ta} instead of ${tb}.`);
  for (const combinator of ["oneOf", "anyOf"] as const) {
    const nb = Array.isArray(b.node[combinator]) ? (b.node[combinator] as unknown[]).length : 0;
    const na = Array.isArray(h.node[combinator]) ? (h.node[combinator] as unknown[]).length : 0;
    if (na > nb && nb > 0)
      add(
        "body-oneof-branch-added",
        label(field),
        `${label(field)}: ${combinator} has ${na} branches instead of ${nb}.`,
      );
  }
  const fb = flattenSchema(b.node);
  const fa = flattenSchema(h.node);
  for (const [prop, schema] of Object.entries(fb.properties)) {
    const child = field ? `${field}.${prop}` : prop;
    const required = fb.required.includes(prop);
    if (!(prop in fa.properties)) {
      add(
        required ? "body-required-field-removed" : "body-optional-field-removed",
        label(child),
        `${label(child)}: the ${required ? "required" : "optional"} field was removed.`,
      );
      continue;
    }
    if (required && !fa.required.includes(prop))
      add("body-field-made-optional", label(child), `${label(child)} is no longer required.`);
    compareSchemas(base, head, schema, fa.properties[prop], { where, field: child }, add, once, depth + 1);
  }
}

function compareCatalogs(base: Json, head: Json, add: Add) {
  const entries = (doc: Json) =>
    catalogEntries(doc).filter((e) => typeof e.body?.code === "string" || typeof e.body?.code === "number");
  const before = entries(base);
  const after = entries(head);
  const byCode = (list: typeof before) => new Map(list.map((e) => [String(e.body!.code), e]));
  const cb = byCode(before);
  const ca = byCode(after);
  const replaced = new Set<string>();
  for (const [code, entry] of cb) {
    if (ca.has(code)) continue;
    const successor = after.find((e) => e.name === entry.name && !cb.has(String(e.body!.code)));
    if (successor) {
      replaced.add(String(successor.body!.code));
      add(
        "code-replaced",
        `code ${code}`,
        `${entry.name} now reports code ${successor.body!.code} instead of ${code}.`,
      );
    } else {
      add("code-removed", `code ${code}`, `Code ${code} (${entry.name}) was removed from the catalog.`);
    }
  }
  for (const [code, entry] of ca) {
    const old = cb.get(code);
    if (!old) {
      if (!replaced.has(code))
        add(
          "code-added",
          `code ${code}`,
          `Code ${code} (${entry.name}, status ${String(entry.status)}) was added to the catalog.`,
        );
      continue;
    }
    if (old.status !== entry.status)
      add(
        "code-status-changed",
        `code ${code}`,
        `Code ${code} now comes with status ${String(entry.status)} instead of ${String(old.status)}.`,
      );
    const [vb, va] = [old.example.value, entry.example.value] as [Json, Json];
    const problem = isObject(va) && "title" in va && "status" in va;
    if (problem && isObject(vb) && vb.type !== va.type)
      add(
        "problem-type-changed",
        `code ${code}`,
        `Code ${code}: problem type is now ${String(va.type)} instead of ${String(vb.type)}.`,
      );
    if (old.body?.message !== entry.body?.message) {
      add(
        problem ? "problem-title-changed" : "code-message-changed",
        `code ${code}`,
        `Code ${code}: ${problem ? "title" : "message"} is now "${String(entry.body?.message)}".`,
      );
    }
  }
}
