/**
 * Ruleset scale: the project's rules (spectral/ruleset.yaml) against a one-rule Spectral ruleset
 * on GitHub's REST description (13 MB), each a real `spectral lint` process, alternating.
 * Target: ≤ 1.5 × the one-rule time, peak memory < 2 GiB.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Bench } from "./index.js";
import { median } from "./stats.js";

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const spectralCli = require.resolve("@stoplight/spectral-cli/dist/index.js");
export const githubDescription = require.resolve("@octokit/openapi/generated/api.github.com.json");

export interface Run {
  seconds: number;
  maxRssBytes: number;
}

/** One `spectral lint` in a process of its own: wall time and peak memory. */
export function lintOnce(ruleset: string, spec: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, "bench", "with-rss.mjs"), spectralCli, "lint", "-r", ruleset, spec, "-q", "-f", "json"],
      {
        cwd: repoRoot,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, SCARF_ANALYTICS: "false" },
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", () => {
      const rss = /maxRSS=(\d+)/.exec(stderr);
      if (!rss)
        return reject(
          new Error(`spectral lint with ${path.basename(ruleset)} did not finish: ${stderr.trim().split("\n").pop()}`),
        );
      resolve({ seconds: (performance.now() - started) / 1000, maxRssBytes: Number(rss[1]) });
    });
  });
}

export interface RulesetFigures {
  rounds: number;
  oneRuleSeconds: number;
  rulesetSeconds: number;
  ratio: number;
  rulesetMaxRssBytes: number;
}

/** Alternating rounds, medians, the ratio. */
export async function benchRuleset(rounds: number, log: (line: string) => void = () => {}): Promise<RulesetFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ruleset-"));
  const oneRule = path.join(dir, "one-rule.yaml");
  fs.writeFileSync(oneRule, "extends: [[spectral:oas, off]]\nrules:\n  info-contact: warn\n");
  const ours = path.join(repoRoot, "spectral", "ruleset.yaml");
  const one: Run[] = [];
  const mine: Run[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      one.push(await lintOnce(oneRule, githubDescription));
      mine.push(await lintOnce(ours, githubDescription));
      log(
        `  round ${round + 1}/${rounds}: one-rule ${one.at(-1)!.seconds.toFixed(2)} s, ruleset ${mine.at(-1)!.seconds.toFixed(2)} s`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const oneRuleSeconds = median(one.map((r) => r.seconds));
  const rulesetSeconds = median(mine.map((r) => r.seconds));
  return {
    rounds,
    oneRuleSeconds,
    rulesetSeconds,
    ratio: rulesetSeconds / oneRuleSeconds,
    rulesetMaxRssBytes: Math.max(...mine.map((r) => r.maxRssBytes)),
  };
}

export const rulesetBench: Bench = {
  name: "ruleset",
  async run({ quick }) {
    const f = await benchRuleset(quick ? 1 : 5, (line) => console.error(line));
    return [
      {
        name: "oneRuleSeconds",
        value: f.oneRuleSeconds,
        unit: "s",
        label: "one-rule Spectral ruleset on GitHub's REST description (13 MB)",
      },
      { name: "rulesetSeconds", value: f.rulesetSeconds, unit: "s", label: "spectral/ruleset.yaml on the same file" },
      { name: "ratio", value: f.ratio, unit: "×", label: "ruleset / one-rule", max: 1.5 },
      { name: "peakMiB", value: f.rulesetMaxRssBytes / 2 ** 20, unit: "MiB", label: "ruleset peak memory", max: 2048 },
    ];
  },
};
