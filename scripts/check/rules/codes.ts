import { allCodes, isCode, readErrorBody } from "../../../src/openapi/index.js";
import type { RuleInput } from "./rule.js";

/** The codes a body carries (top level, then inner), and the one it is identified by (its deepest). */
export function codesIn({ json, shape }: Pick<RuleInput, "json" | "shape">): { all: string[]; identifying?: string } {
  if (!json || !shape) return { all: [] };
  const all = allCodes(json.value, shape)
    .map(({ code }) => code)
    .filter(isCode)
    .map(String);
  const code = readErrorBody(json.value, shape)?.code;
  return isCode(code) ? { all, identifying: String(code) } : { all };
}
