/**
 * Ruleset scale, on GitHub's REST description (13 MB), each run a real process, side by side in
 * one run:
 *   1. the project's rules (spectral/ruleset.yaml) against a one-rule Spectral ruleset, both by
 *      `spectral lint`: what the rules cost. Target: ≤ 1.5 × the one-rule time, peak memory < 2 GiB;
 *   2. `error-contracts lint` against `spectral lint`, both with spectral/ruleset.yaml: what our
 *      command adds around Spectral. Target: ≤ 1.2 ×. The two must report the same findings;
 *   3. `error-contracts lint` with this repo's `.spectral.yaml` (spectral:oas and the ruleset, the
 *      default a team gets): targets ≤ 15 s and ≤ 1 GiB.
 * Each round runs the three; the two of (2) swap places every round, so that neither always runs
 * second on a machine that drifts.
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
const ourCli = path.join(repoRoot, "bin", "error-contracts.js");
export const githubDescription = require.resolve("@octokit/openapi/generated/api.github.com.json");
const rulesetFile = path.join(repoRoot, "spectral", "ruleset.yaml");
const defaultRuleset = path.join(repoRoot, ".spectral.yaml");

export interface Run {
  seconds: number;
  /** CPU time, user and system: the process's own work, much less moved by other load than wall time. */
  cpuSeconds: number;
  maxRssBytes: number;
  /** The JSON results it printed. */
  stdout: string;
}

/** One CLI run in a process of its own (exit 0 or 1: linted): wall time, peak memory, output. */
function runOnce(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(repoRoot, "bench", "with-rss.mjs"), script, ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SCARF_ANALYTICS: "false" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /^maxRSS=(\d+)$/m.exec(stderr);
      const cpu = /^cpu=(\d+)$/m.exec(stderr);
      if (!rss || !cpu || (code !== 0 && code !== 1)) {
        const last = stderr
          .trim()
          .split("\n")
          .filter((line) => !/^(maxRSS|cpu)=/.test(line))
          .pop();
        return reject(new Error(`${path.basename(script)} ${args.join(" ")} did not finish (exit ${code}): ${last}`));
      }
      resolve({ seconds, cpuSeconds: Number(cpu[1]) / 1e6, maxRssBytes: Number(rss[1]), stdout });
    });
  });
}

/** `spectral lint` with a ruleset, JSON results. */
export const spectralLint = (ruleset: string, spec: string) =>
  runOnce(spectralCli, ["lint", "-r", ruleset, spec, "-q", "-f", "json"]);

/** `error-contracts lint` with a ruleset, JSON results. */
export const ourLint = (ruleset: string, spec: string) =>
  runOnce(ourCli, ["lint", "--ruleset", ruleset, spec, "--format", "json"]);

/** Rule, path, file and line of each result, sorted: what must be equal between the two commands. */
function findings(run: Run): string[] {
  const results = JSON.parse(run.stdout) as {
    code: string;
    path: string[];
    source: string;
    range: { start: { line: number } };
  }[];
  return results
    .map((r) => `${r.code} ${path.resolve(repoRoot, r.source)}:${r.range.start.line + 1} ${r.path.join(".")}`)
    .sort();
}

export interface RulesetFigures {
  rounds: number;
  oneRuleSeconds: number;
  rulesetSeconds: number;
  ratio: number;
  rulesetMaxRssBytes: number;
  lintSeconds: number;
  /** The median of each round's `error-contracts lint` / `spectral lint` ratio. */
  lintRatio: number;
  lintRatios: number[];
  /** The same, of CPU time. */
  lintCpuRatio: number;
  lintCpuRatios: number[];
  lintMaxRssBytes: number;
  findings: number;
  /** `error-contracts lint` with `.spectral.yaml`: median wall time, peak memory, findings. */
  defaultSeconds: number;
  defaultMaxRssBytes: number;
  defaultFindings: number;
}

/** Alternating rounds, medians, the ratios. */
export async function benchRuleset(rounds: number, log: (line: string) => void = () => {}): Promise<RulesetFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ruleset-"));
  const oneRule = path.join(dir, "one-rule.yaml");
  fs.writeFileSync(oneRule, "extends: [[spectral:oas, off]]\nrules:\n  info-contact: warn\n");
  const one: Run[] = [];
  const mine: Run[] = [];
  const ours: Run[] = [];
  const byDefault: Run[] = [];
  try {
    // Not counted: our command bundles itself and the ruleset on first use; both read the file once.
    const warm = [await ourLint(rulesetFile, githubDescription), await spectralLint(rulesetFile, githubDescription)];
    const [ourFindings, theirFindings] = warm.map(findings);
    if (JSON.stringify(ourFindings) !== JSON.stringify(theirFindings))
      throw new Error(
        `error-contracts lint and spectral lint disagree on GitHub's description: ${ourFindings!.length} and ${theirFindings!.length} findings`,
      );
    for (let round = 0; round < rounds; round++) {
      one.push(await spectralLint(oneRule, githubDescription));
      if (round % 2 === 0) {
        mine.push(await spectralLint(rulesetFile, githubDescription));
        ours.push(await ourLint(rulesetFile, githubDescription));
      } else {
        ours.push(await ourLint(rulesetFile, githubDescription));
        mine.push(await spectralLint(rulesetFile, githubDescription));
      }
      byDefault.push(await ourLint(defaultRuleset, githubDescription));
      const s = (runs: Run[]) => runs.at(-1)!.seconds.toFixed(2);
      const cpu = (runs: Run[]) => runs.at(-1)!.cpuSeconds.toFixed(2);
      log(
        `  round ${round + 1}/${rounds}: one-rule ${s(one)} s, ruleset ${s(mine)} s (CPU ${cpu(mine)} s), error-contracts lint ${s(ours)} s (CPU ${cpu(ours)} s), with .spectral.yaml ${s(byDefault)} s`,
      );
    }
    const seconds = (runs: Run[]) => median(runs.map((r) => r.seconds));
    const lintRatios = ours.map((run, i) => run.seconds / mine[i]!.seconds);
    const lintCpuRatios = ours.map((run, i) => run.cpuSeconds / mine[i]!.cpuSeconds);
    return {
      rounds,
      oneRuleSeconds: seconds(one),
      rulesetSeconds: seconds(mine),
      ratio: seconds(mine) / seconds(one),
      rulesetMaxRssBytes: Math.max(...mine.map((r) => r.maxRssBytes)),
      lintSeconds: seconds(ours),
      lintRatio: median(lintRatios),
      lintRatios,
      lintCpuRatio: median(lintCpuRatios),
      lintCpuRatios,
      lintMaxRssBytes: Math.max(...ours.map((r) => r.maxRssBytes)),
      findings: ourFindings!.length,
      defaultSeconds: seconds(byDefault),
      defaultMaxRssBytes: Math.max(...byDefault.map((r) => r.maxRssBytes)),
      defaultFindings: findings(byDefault.at(-1)!).length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const rulesetBench: Bench = {
  name: "ruleset",
  async run({ quick }) {
    const f = await benchRuleset(quick ? 1 : 7, (line) => console.error(line));
    console.error(
      `  error-contracts lint / spectral lint by round: wall ${f.lintRatios.map((r) => r.toFixed(2)).join(", ")}; CPU ${f.lintCpuRatios.map((r) => r.toFixed(2)).join(", ")} (${f.findings} findings, the same in both)`,
    );
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
      {
        name: "lintSeconds",
        value: f.lintSeconds,
        unit: "s",
        label: "error-contracts lint, spectral/ruleset.yaml, same file",
      },
      {
        name: "lintRatio",
        value: f.lintRatio,
        unit: "×",
        label: "error-contracts lint / spectral lint (median of rounds)",
        max: 1.2,
      },
      {
        name: "lintCpuRatio",
        value: f.lintCpuRatio,
        unit: "×",
        label: "the same, of CPU time (user + system: less moved by other load)",
      },
      {
        name: "lintPeakMiB",
        value: f.lintMaxRssBytes / 2 ** 20,
        unit: "MiB",
        label: "error-contracts lint peak memory",
      },
      {
        name: "defaultSeconds",
        value: f.defaultSeconds,
        unit: "s",
        label: `error-contracts lint, .spectral.yaml (spectral:oas + the ruleset), same file: ${f.defaultFindings} findings`,
        max: 15,
      },
      {
        name: "defaultPeakMiB",
        value: f.defaultMaxRssBytes / 2 ** 20,
        unit: "MiB",
        label: "the same, peak memory",
        max: 1024,
      },
    ];
  },
};
