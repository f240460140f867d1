/**
 * The diff rules: each change a design review is told about, with its stable id and default level.
 * Ids never change once released; a config file may change a level (see config.ts).
 */
import type { JsonPath } from "../../src/openapi/index.js";

export type Level = "info" | "warning" | "breaking";

export const levelRank: Record<Level, number> = { info: 0, warning: 1, breaking: 2 };

export const diffRules = {
  "operation-removed": { level: "breaking", summary: "An operation was removed." },
  "operation-added": { level: "info", summary: "An operation was added, with the error responses it declares." },
  "response-removed": {
    level: "breaking",
    summary: "A response (a status, 4XX/5XX, or default) was removed from an operation.",
  },
  "response-added": { level: "info", summary: "A response was added to an operation." },
  "response-shadows-fallback": {
    level: "warning",
    summary: "An added response takes over a status that default or a range answered with another schema.",
  },
  "error-media-type-changed": { level: "breaking", summary: "An error response's media type was removed or changed." },
  "code-added": {
    level: "warning",
    summary: "An error code was added to the catalog (exhaustive client unions change).",
  },
  "code-removed": { level: "warning", summary: "An error code was removed from the catalog." },
  "code-status-changed": { level: "breaking", summary: "An error code now comes with another HTTP status." },
  "code-replaced": { level: "breaking", summary: "The same condition is now reported with another code." },
  "code-message-changed": { level: "info", summary: "An error code's message changed." },
  "header-removed": { level: "breaking", summary: "A required header was removed from an error response." },
  "optional-header-removed": { level: "warning", summary: "An optional header was removed from an error response." },
  "header-made-optional": { level: "breaking", summary: "A required header of an error response became optional." },
  "header-type-changed": { level: "breaking", summary: "A header of an error response changed its type." },
  "body-required-field-removed": { level: "breaking", summary: "A required field of an error body was removed." },
  "body-field-made-optional": { level: "breaking", summary: "A required field of an error body became optional." },
  "body-type-changed": { level: "breaking", summary: "A field of an error body changed or widened its type." },
  "body-type-narrowed": { level: "info", summary: "A field of an error body allows fewer types than before." },
  "body-nullable-added": { level: "breaking", summary: "A field of an error body may now be null." },
  "body-nullable-removed": { level: "info", summary: "A field of an error body can no longer be null." },
  "error-shape-changed": {
    level: "breaking",
    summary: "Error bodies keep their code or message elsewhere, or the code's type changed.",
  },
  "body-oneof-branch-added": { level: "breaking", summary: "A oneOf/anyOf of an error body gained a branch." },
  "body-optional-field-removed": { level: "warning", summary: "An optional field of an error body was removed." },
  "problem-type-changed": { level: "breaking", summary: "A problem details `type` URI changed." },
  "problem-title-changed": { level: "info", summary: "A problem details `title` changed." },
} as const satisfies Record<string, { level: Level; summary: string }>;

export type RuleId = keyof typeof diffRules;

/** Where a finding is written: a file a person edits (relative to the working folder), its line, the pointer in it. */
export interface Place {
  file: string;
  line: number;
  pointer: string;
}

export interface Finding {
  rule: RuleId;
  level: Level;
  /** Where, in words a reviewer can search for: `GET /referrals/{referralId} 412`, `code 30011`. */
  location: string;
  /** What changed, without the location again: `no longer declared.` */
  message: string;
  /** Where in each bundled version (for removals, the head's nearest part that is still there). */
  paths?: { base: JsonPath; head: JsonPath };
  /** `paths` placed in the files they came from (`locations.ts`). */
  base?: Place;
  head?: Place;
}

/** 1 when a finding is at least `failOn`, else 0: the diff's exit code. */
export function exitCodeFor(findings: Finding[], failOn: Level): 0 | 1 {
  return findings.some((f) => levelRank[f.level] >= levelRank[failOn]) ? 1 : 0;
}
