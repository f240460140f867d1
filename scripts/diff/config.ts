import fs from "node:fs";
import { parse } from "yaml";
import { diffRules, levelRank, type Finding, type Level, type RuleId } from "./rules.js";

/**
 * `error-contracts.diff.yaml`: change a rule's level, or ignore a finding by rule id and location.
 *
 *     levels:
 *       code-added: info
 *     ignore:
 *       - rule: response-removed
 *         location: GET /legacy 404
 */
export interface DiffConfig {
  levels: Partial<Record<RuleId, Level>>;
  ignore: { rule: RuleId; location?: string }[];
}

export function loadDiffConfig(file: string | undefined): DiffConfig {
  if (!file) return { levels: {}, ignore: [] };
  const raw = (parse(fs.readFileSync(file, "utf8")) ?? {}) as { levels?: Record<string, unknown>; ignore?: unknown[] };
  const known = (rule: unknown): rule is RuleId => typeof rule === "string" && rule in diffRules;
  const levels: DiffConfig["levels"] = {};
  for (const [rule, level] of Object.entries(raw.levels ?? {})) {
    if (!known(rule)) throw new Error(`${file}: levels: unknown rule "${rule}"`);
    if (typeof level !== "string" || !(level in levelRank))
      throw new Error(`${file}: levels.${rule}: use info, warning or breaking`);
    levels[rule] = level as Level;
  }
  const ignore = (raw.ignore ?? []).map((entry, i) => {
    const { rule, location } = (entry ?? {}) as { rule?: unknown; location?: unknown };
    if (!known(rule)) throw new Error(`${file}: ignore[${i}]: unknown rule "${String(rule)}"`);
    return { rule, location: typeof location === "string" ? location : undefined };
  });
  return { levels, ignore };
}

/** The findings with the config's levels, less the ignored ones. */
export function applyConfig(findings: Finding[], config: DiffConfig): Finding[] {
  return findings
    .filter(
      (f) => !config.ignore.some((i) => i.rule === f.rule && (i.location === undefined || i.location === f.location)),
    )
    .map((f) => ({ ...f, level: config.levels[f.rule] ?? f.level }));
}
