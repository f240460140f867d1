/** The findings of one comparison: each added once, and each pair of schemas compared once. */
import { type JsonPath, valueAt } from "../../src/openapi/index.js";
import { diffRules, type Finding, type RuleId } from "./rules.js";

export class Findings {
  readonly list: Finding[] = [];
  private readonly added = new Set<string>();
  private readonly compared = new Set<string>();

  /** A finding; the same rule, location and message twice (a schema two responses share) is kept once. */
  add(rule: RuleId, location: string, message: string, base: JsonPath, head: JsonPath): void {
    const key = `${rule}\0${location}\0${message}`;
    if (this.added.has(key)) return;
    this.added.add(key);
    this.list.push({ rule, level: diffRules[rule].level, location, message, paths: { base, head } });
  }

  /** True the first time it is asked for `key`. */
  once(key: string): boolean {
    if (this.compared.has(key)) return false;
    this.compared.add(key);
    return true;
  }
}

/** The longest start of `path` that `doc` holds: where a thing the other version has would be. */
export function nearest(doc: unknown, path: JsonPath): JsonPath {
  for (let length = path.length; length > 0; length--) {
    if (valueAt(doc, path.slice(0, length)) !== undefined) return path.slice(0, length);
  }
  return [];
}
