/**
 * Two versions of an error body's schema, compared by what they allow (`meaning.ts`): a change of
 * type or nullability once per field, at the field; members removed or made optional; branches
 * added. A member is named after the schema that declares it (`schema Problem: status`), so a
 * change to a shared schema is one finding, whichever responses or `allOf`s reach it.
 */
import { type Json, type JsonPath, refOf, valueAt } from "../../src/openapi/index.js";
import type { Findings } from "./findings.js";
import { covers, meaningOf, typeText, type Meaning, type Member } from "./meaning.js";

/** How deep nested members are compared. */
const MAX_DEPTH = 12;

/** Where a schema is named: the response or schema it belongs to, and the field path below it. */
export interface Label {
  where: string;
  field: string;
}

const text = ({ where, field }: Label) => `${where}${field ? `: ${field}` : ""}`;
const pointer = (path: JsonPath) => path.join("/");

type Docs = { base: Json; head: Json };

export function compareSchemas(
  docs: Docs,
  before: Member,
  after: Member,
  label: Label,
  findings: Findings,
  depth = 0,
  branch = false,
): void {
  if (depth > MAX_DEPTH) return;
  const read = (doc: Json, m: Member) => {
    const meaning = meaningOf(doc, m.schema, m.path, m.owner);
    return branch ? { ...meaning, nullable: false } : meaning;
  };
  const b = read(docs.base, before);
  const h = read(docs.head, after);
  // A schema both versions take from one component is named after it; a field that wraps it in
  // the head (`allOf: [$ref], nullable: true`) keeps the field's name: the component did not change.
  const same = b.component !== undefined && b.component === h.component;
  const at = same ? { where: `schema ${b.component}`, field: "" } : label;
  if (!findings.once(`${pointer(b.path)}\0${pointer(h.path)}\0${text(at)}`)) return;
  // A new branch is the finding; the types it widens are not another one.
  if (!compareBranches(docs, b, h, at, findings, depth)) compareTypes(b, h, at, findings);
  for (const [name, member] of b.properties) {
    const child =
      member.owner && `schema ${member.owner}` !== at.where
        ? { where: `schema ${member.owner}`, field: name }
        : { where: at.where, field: at.field ? `${at.field}.${name}` : name };
    const required = b.required.has(name);
    const now = h.properties.get(name);
    if (!now) {
      findings.add(
        required ? "body-required-field-removed" : "body-optional-field-removed",
        text(child),
        `the ${required ? "required" : "optional"} field was removed.`,
        member.path,
        h.path,
      );
      continue;
    }
    if (required && !h.required.has(name))
      findings.add("body-field-made-optional", text(child), "is no longer required.", member.path, now.path);
    compareSchemas(docs, member, now, child, findings, depth + 1);
  }
  if (b.items && h.items) {
    const items = { where: at.where, field: `${at.field}[]` };
    compareSchemas(docs, b.items, h.items, items, findings, depth + 1);
  }
}

/** Other types (breaking when the head allows one the base did not), or null allowed or not. */
function compareTypes(b: Meaning, h: Meaning, at: Label, findings: Findings) {
  if (!b.types) return;
  const widened = !h.types || [...h.types].some((t) => !covers(b.types!, t));
  const narrowed = h.types !== undefined && [...b.types].some((t) => !covers(h.types!, t));
  const change = `${typeText(h)} instead of ${typeText(b)}`;
  if (widened) findings.add("body-type-changed", text(at), `is now ${change}.`, b.path, h.path);
  else if (!b.nullable && h.nullable)
    findings.add("body-nullable-added", text(at), `may now be null (${change}).`, b.path, h.path);
  else if (narrowed) findings.add("body-type-narrowed", text(at), `is now ${change}.`, b.path, h.path);
  if (!widened && !narrowed && b.nullable && !h.nullable)
    findings.add("body-nullable-removed", text(at), `can no longer be null (${change}).`, b.path, h.path);
}

/**
 * Whether a `oneOf`/`anyOf` gained a branch (reported when it did). Otherwise each base branch is
 * compared with its head branch: the one from the same component, else one of the same types,
 * else the one at its index.
 */
function compareBranches(docs: Docs, b: Meaning, h: Meaning, at: Label, findings: Findings, depth: number): boolean {
  const [nb, na] = [b.branches?.list.length ?? 0, h.branches?.list.length ?? 0];
  if (na > nb && nb > 0) {
    const message = `${h.branches!.keyword} has ${na} branches instead of ${nb}.`;
    findings.add("body-oneof-branch-added", text(at), message, b.path, h.path);
    return true;
  }
  if (nb === 0 || na === 0) return false;
  // A branch from a component is read through its `$ref`, so that it is compared once, under its name.
  const member = (doc: Json, m: Meaning): Member => ({
    schema: m.component ? { $ref: refOf(m.path) } : valueAt(doc, m.path),
    path: m.path,
    owner: m.component,
  });
  const free = new Set(h.branches!.list);
  const types = (m: Meaning) => typeText({ ...m, nullable: false });
  b.branches!.list.forEach((branch, i) => {
    // Its twin: the branch of the same component, else of the same types, else at the same index.
    const candidates = [...free];
    const twin =
      candidates.find((m) => m.component !== undefined && m.component === branch.component) ??
      candidates.find((m) => m.component === undefined && types(m) === types(branch)) ??
      (na === nb && free.has(h.branches!.list[i]!) ? h.branches!.list[i] : undefined);
    if (!twin) return;
    free.delete(twin);
    const label = {
      where: at.where,
      field: `${at.field}${at.field ? " " : ""}(${b.branches!.keyword} ${branch.component ?? i})`,
    };
    // Null is the union's (compared above), whichever branch says it.
    compareSchemas(docs, member(docs.base, branch), member(docs.head, twin), label, findings, depth + 1, true);
  });
  return false;
}
