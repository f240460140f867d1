/**
 * Two versions of an API's error catalog (`x-error` examples, read through the error shape):
 * codes added, removed, replaced, moved to another status, and their messages and problem types.
 */
import { catalogEntries, isObject, type Json } from "../../src/openapi/index.js";
import { type Findings, nearest } from "./findings.js";

type Entry = ReturnType<typeof catalogEntries>[number];

const withCode = (doc: Json) =>
  catalogEntries(doc).filter((e) => typeof e.body?.code === "string" || typeof e.body?.code === "number");
const byCode = (list: Entry[]) => new Map(list.map((e) => [String(e.body!.code), e]));

export function compareCatalogs(base: Json, head: Json, findings: Findings): void {
  const before = withCode(base);
  const after = withCode(head);
  const cb = byCode(before);
  const ca = byCode(after);
  const replaced = new Set<string>();
  for (const [code, entry] of cb) {
    if (ca.has(code)) continue;
    const successor = after.find((e) => e.name === entry.name && !cb.has(String(e.body!.code)));
    if (successor) {
      replaced.add(String(successor.body!.code));
      findings.add(
        "code-replaced",
        `code ${code}`,
        `${entry.name} now reports ${String(successor.body!.code)} instead.`,
        entry.path,
        successor.path,
      );
    } else {
      findings.add(
        "code-removed",
        `code ${code}`,
        `${entry.name} was removed from the catalog.`,
        entry.path,
        nearest(head, entry.path),
      );
    }
  }
  for (const [code, entry] of ca) {
    const old = cb.get(code);
    if (!old) {
      if (!replaced.has(code))
        findings.add(
          "code-added",
          `code ${code}`,
          `${entry.name} (status ${String(entry.status)}) was added to the catalog.`,
          nearest(base, entry.path),
          entry.path,
        );
      continue;
    }
    const add = (rule: Parameters<Findings["add"]>[0], message: string) =>
      findings.add(rule, `code ${code}`, message, old.path, entry.path);
    if (old.status !== entry.status)
      add("code-status-changed", `now comes with status ${String(entry.status)} instead of ${String(old.status)}.`);
    const [vb, va] = [old.example.value, entry.example.value];
    const problem = isObject(va) && "title" in va && "status" in va;
    if (problem && isObject(vb) && vb.type !== va.type)
      add("problem-type-changed", `the problem type is now ${String(va.type)} instead of ${String(vb.type)}.`);
    if (old.body?.message !== entry.body?.message)
      add(
        problem ? "problem-title-changed" : "code-message-changed",
        `the ${problem ? "title" : "message"} is now "${String(entry.body?.message)}".`,
      );
  }
}
