// biome-ignore-all lint/style/noExcessiveLinesPerFile: one bench, whose figures share the same rounds, specs and scratch folders
/**
 * Build speed, side by side in one run (alternating rounds, medians, ratios):
 *   1. the cold build vs the naive chain (each tool's CLI, one after another, per API);
 *   2. a no-op rebuild vs the cold build;
 *   3. one changed API vs the cold build: through the build daemon (as a developer's machine builds), and with
 *      --no-daemon;
 *   6. growth: generated specs of 100, 1,000 and 5,000 operations (5,000 only without --quick),
 *      time per step and peak memory of the build process.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { copyToolkitSetup } from "../test/helpers/cli.js";
import { generateSpec } from "./generate-spec.js";
import type { Bench, Figure } from "./index.js";
import { median } from "./stats.js";
import { sampleTreeRss } from "./tree-rss.js";

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(repoRoot, "bin", "error-contracts.js");
const tools = {
  spectral: require.resolve("@stoplight/spectral-cli/dist/index.js"),
  redocly: path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js"),
  openapiTypescript: path.join(path.dirname(require.resolve("openapi-typescript/package.json")), "bin", "cli.js"),
};

interface Timed {
  seconds: number;
  stdout: string;
  /** Peak resident memory of the process and its children together (sampled), or of the process alone where that is more. */
  maxRssBytes: number;
}

/** Runs node with a script under bench/with-rss.mjs; wall time, output and peak memory. */
function node(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(repoRoot, "bench", "with-rss.mjs"), ...args], {
      cwd,
      env: {
        ...process.env,
        SCARF_ANALYTICS: "false",
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
        // No build daemon unless a figure asks for it; its socket in the bench's own folder.
        ERROR_CONTRACTS_DAEMON: "off",
        ERROR_CONTRACTS_DAEMON_DIR: daemonDir,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const sampler = sampleTreeRss(child.pid!);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const tree = sampler.stop();
      const rss = /maxRSS=(\d+)/.exec(stderr);
      if (code !== 0 && !args.includes("lint"))
        return reject(
          new Error(
            `${path.basename(args[0]!)} ${args.slice(1, 3).join(" ")} failed: ${stderr
              .trim()
              .split("\n")
              .filter((line) => !/^(maxRSS|cpu)=/.test(line))
              .pop()}`,
          ),
        );
      resolve({ seconds, stdout, maxRssBytes: Math.max(tree, Number(rss?.[1] ?? 0)) });
    });
  });
}

/** A working folder with a copy of the specs and configs, as a user's checkout would be. */
function workspace(prefix: string, spec?: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${prefix}-`));
  copyToolkitSetup(dir);
  if (spec) spec(dir);
  else fs.cpSync(path.join(repoRoot, "openapi"), path.join(dir, "openapi"), { recursive: true });
  return dir;
}

const apiIds = (dir: string) =>
  fs
    .readdirSync(path.join(dir, "openapi"))
    .filter((name) => fs.existsSync(path.join(dir, "openapi", name, "openapi.yaml")));

/** The obvious way: per API, each tool's CLI via its bin, one after another, on the same inputs. */
async function naiveChain(dir: string): Promise<number> {
  const started = performance.now();
  const out = path.join(dir, "naive");
  for (const api of apiIds(dir)) {
    const bundle = path.join(out, api, "openapi.yaml");
    await node([tools.redocly, "bundle", `openapi/${api}/openapi.yaml`, "-o", bundle], dir);
    await node([tools.spectral, "lint", bundle, "-r", ".spectral.yaml", "-q"], dir);
    await node(
      [tools.redocly, "build-docs", bundle, "--inlineBundle", "-o", path.join(out, "docs", `${api}.html`)],
      dir,
    );
    await node([tools.openapiTypescript, bundle, "-o", path.join(out, api, "types.ts")], path.join(dir, "naive"));
  }
  return (performance.now() - started) / 1000;
}

const daemonDir = path.join(os.tmpdir(), `bench-daemon-${process.pid}`);
const build = (dir: string, ...extra: string[]) =>
  node([cli, "build", "openapi", "--out", path.join(dir, "generated"), ...extra], dir);
/** A build as a developer's machine runs it: through the build daemon, which an earlier build started. */
const daemonBuild = (dir: string) =>
  node([cli, "build", "openapi", "--out", path.join(dir, "generated")], dir, { ERROR_CONTRACTS_DAEMON: "on" });
const daemon = (dir: string, what: "start" | "stop") => node([cli, "daemon", what], dir);

export interface BuildFigures {
  rounds: number;
  naiveChainSeconds: number;
  coldBuildSeconds: number;
  coldVsNaive: number;
  noopSeconds: number;
  noopVsCold: number;
  oneApiSeconds: number;
  oneApiVsCold: number;
  /** The same change built with --no-daemon: the tools loaded again. */
  oneApiAloneSeconds: number;
  oneApiAloneVsCold: number;
  /** From a save to the rebuild's last line under `build --watch` (its 150 ms debounce included). */
  watchOneApiSeconds: number;
  watchOneApiVsCold: number;
  growth: {
    operations: number;
    seconds: number;
    maxRssBytes: number;
    steps: Record<string, number>;
    slowestToolSeconds?: number;
  }[];
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one round after another of the same builds, side by side
export async function benchBuild(
  rounds: number,
  sizes: number[],
  log: (line: string) => void = () => {},
): Promise<BuildFigures> {
  const dir = workspace("build");
  const naive: number[] = [];
  const cold: number[] = [];
  const noop: number[] = [];
  const oneApi: number[] = [];
  const oneApiAlone: number[] = [];
  const watchOneApi: number[] = [];
  const example = path.join(dir, "openapi", "components", "examples", "sales", "SalesRecordNotFound.yaml");
  const original = fs.readFileSync(example, "utf8");
  try {
    for (let round = 0; round < rounds; round++) {
      // Cold: no daemon, nothing loaded.
      await daemon(dir, "stop");
      naive.push(await naiveChain(dir));
      cold.push((await build(dir, "--force")).seconds);
      // The daemon as the build before would have left it, loaded in the background while the developer edits.
      await daemon(dir, "start");
      noop.push((await daemonBuild(dir)).seconds);
      // A change to what the API says (a summary: its bundle, types, docs and translation status change).
      const changed = original.replace(/^summary: .*$/m, `summary: "Record not found, round ${round}"`);
      fs.writeFileSync(example, changed);
      oneApi.push((await daemonBuild(dir)).seconds);
      fs.writeFileSync(example, original);
      oneApiAlone.push((await build(dir)).seconds);
      log(
        `  round ${round + 1}/${rounds}: naive ${naive.at(-1)!.toFixed(1)} s, cold ${cold.at(-1)!.toFixed(1)} s, no-op ${noop.at(-1)!.toFixed(2)} s, one API ${oneApi.at(-1)!.toFixed(2)} s (no daemon ${oneApiAlone.at(-1)!.toFixed(2)} s)`,
      );
    }
    await daemon(dir, "stop");
    watchOneApi.push(...(await saveUnderWatch(dir, example, original, rounds)));
    log(`  under --watch: one changed API ${watchOneApi.map((s) => s.toFixed(2)).join(", ")} s`);
  } finally {
    await daemon(dir, "stop").catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(daemonDir, { recursive: true, force: true });
  }
  const growth: BuildFigures["growth"] = [];
  for (const operations of sizes) {
    const grown = workspace(`growth-${operations}`, (d) => generateSpec(operations, d));
    try {
      const run = await build(grown, "--force");
      const steps = Object.fromEntries(
        [...run.stdout.matchAll(/^(\w+) .* (\d+) ms$/gm)].map((m) => [m[1]!, Number(m[2]) / 1000]),
      );
      const slowestToolSeconds = operations >= 1000 ? await slowestToolAlone(grown) : undefined;
      growth.push({
        operations,
        seconds: run.seconds,
        maxRssBytes: run.maxRssBytes,
        steps,
        ...(slowestToolSeconds === undefined ? {} : { slowestToolSeconds }),
      });
      log(
        `  growth ${operations} operations: ${run.seconds.toFixed(1)} s, ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
    } finally {
      fs.rmSync(grown, { recursive: true, force: true });
    }
  }
  const m = {
    naive: median(naive),
    cold: median(cold),
    noop: median(noop),
    oneApi: median(oneApi),
    oneApiAlone: median(oneApiAlone),
    watchOneApi: median(watchOneApi),
  };
  return {
    rounds,
    naiveChainSeconds: m.naive,
    coldBuildSeconds: m.cold,
    coldVsNaive: m.cold / m.naive,
    noopSeconds: m.noop,
    noopVsCold: m.noop / m.cold,
    oneApiSeconds: m.oneApi,
    oneApiVsCold: m.oneApi / m.cold,
    oneApiAloneSeconds: m.oneApiAlone,
    oneApiAloneVsCold: m.oneApiAlone / m.cold,
    watchOneApiSeconds: m.watchOneApi,
    watchOneApiVsCold: m.watchOneApi / m.cold,
    growth,
  };
}

/**
 * `build --watch` on the workspace: after its first build (up to date: the workspace was built), `rounds` saves of a
 * one-line edit of `example` and as many of its undoing, each timed from the write to the rebuild's `built` line.
 * The first save also pays for loading the tools and starting the rendering process; the median is the others'.
 */
async function saveUnderWatch(dir: string, example: string, original: string, rounds: number): Promise<number[]> {
  const child = spawn(process.execPath, [cli, "build", "openapi", "--out", path.join(dir, "generated"), "--watch"], {
    cwd: dir,
    env: { ...process.env, SCARF_ANALYTICS: "false", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const builtLines = () => output.match(/^built /gm)?.length ?? 0;
  const waitFor = async (ready: () => boolean) => {
    for (const started = Date.now(); !ready(); await new Promise((resolve) => setTimeout(resolve, 5))) {
      if (Date.now() - started > 120_000 || child.exitCode !== null) throw new Error(`build --watch:\n${output}`);
    }
  };
  const seconds: number[] = [];
  try {
    await waitFor(() => /^watching /m.test(output));
    for (let round = 0; round < rounds * 2; round++) {
      const before = builtLines();
      const started = performance.now();
      fs.writeFileSync(example, round % 2 === 0 ? `${original}# watch ${round}\n` : original);
      await waitFor(() => builtLines() > before);
      seconds.push((performance.now() - started) / 1000);
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    fs.writeFileSync(example, original);
  }
  return seconds;
}

/** Each tool alone on the growth bundle: the slowest is what the build is held to. */
async function slowestToolAlone(dir: string): Promise<number> {
  const bundle = path.join(dir, "generated", "growth", "openapi.yaml");
  const runs = [
    await node([tools.redocly, "bundle", "openapi/growth/openapi.yaml", "-o", path.join(dir, "alone.yaml")], dir),
    await node([tools.spectral, "lint", bundle, "-r", ".spectral.yaml", "-q"], dir),
    await node([tools.openapiTypescript, bundle, "-o", path.join(dir, "alone.ts")], path.join(dir, "generated")),
    await node([tools.redocly, "build-docs", bundle, "--inlineBundle", "-o", path.join(dir, "alone.html")], dir),
  ];
  return Math.max(...runs.map((r) => r.seconds));
}

export const buildBench: Bench = {
  name: "build",
  async run({ quick }) {
    const f = await benchBuild(quick ? 1 : 5, quick ? [100] : [100, 1000, 5000], (line) => console.error(line));
    const figures: Figure[] = [
      {
        name: "naiveChainSeconds",
        value: f.naiveChainSeconds,
        unit: "s",
        label: "naive chain: each tool's CLI per API, one after another",
      },
      {
        name: "coldBuildSeconds",
        value: f.coldBuildSeconds,
        unit: "s",
        label: "cold build (npm run build -- --force)",
      },
      { name: "coldVsNaive", value: f.coldVsNaive, unit: "×", label: "cold build / naive chain", max: 0.25 },
      { name: "noopSeconds", value: f.noopSeconds, unit: "s", label: "no-op rebuild" },
      { name: "noopVsCold", value: f.noopVsCold, unit: "×", label: "no-op rebuild / cold build", max: 0.1 },
      { name: "oneApiSeconds", value: f.oneApiSeconds, unit: "s", label: "one changed API (the build daemon)" },
      { name: "oneApiVsCold", value: f.oneApiVsCold, unit: "×", label: "one changed API / cold build", max: 0.3 },
      { name: "oneApiAloneSeconds", value: f.oneApiAloneSeconds, unit: "s", label: "one changed API, --no-daemon" },
      {
        name: "oneApiAloneVsCold",
        value: f.oneApiAloneVsCold,
        unit: "×",
        label: "one changed API, --no-daemon / cold build",
      },
      { name: "watchOneApiSeconds", value: f.watchOneApiSeconds, unit: "s", label: "one changed API under --watch" },
      {
        name: "watchOneApiVsCold",
        value: f.watchOneApiVsCold,
        unit: "×",
        label: "one changed API under --watch / cold build",
      },
    ];
    for (const g of f.growth) {
      figures.push({
        name: `growth${g.operations}.seconds`,
        value: g.seconds,
        unit: "s",
        label: `growth ${g.operations} operations: whole build`,
      });
      figures.push({
        name: `growth${g.operations}.peakMiB`,
        value: g.maxRssBytes / 2 ** 20,
        unit: "MiB",
        label: `growth ${g.operations} operations: peak memory, build and build-docs processes together`,
        max: g.operations >= 5000 ? 1024 : 2048,
      });
      const typesAndDocs = (g.steps.types ?? 0) + (g.steps.docs ?? 0);
      if (typesAndDocs > 0)
        figures.push({
          name: `growth${g.operations}.vsTypesAndDocs`,
          value: g.seconds / typesAndDocs,
          unit: "×",
          label: `growth ${g.operations} operations: whole build / (types + docs steps)`,
          ...(g.operations >= 5000 ? { max: 3 } : {}),
        });
      for (const [step, seconds] of Object.entries(g.steps)) {
        if (step !== "built")
          figures.push({
            name: `growth${g.operations}.${step}Seconds`,
            value: seconds,
            unit: "s",
            label: `growth ${g.operations} operations: ${step}`,
          });
      }
      if (g.slowestToolSeconds !== undefined) {
        figures.push({
          name: `growth${g.operations}.slowestToolSeconds`,
          value: g.slowestToolSeconds,
          unit: "s",
          label: `growth ${g.operations} operations: slowest single tool alone`,
        });
        figures.push({
          name: `growth${g.operations}.vsSlowestTool`,
          value: g.seconds / g.slowestToolSeconds,
          unit: "×",
          label: `growth ${g.operations} operations: build / slowest tool alone`,
          max: 1.2,
        });
      }
    }
    return figures;
  },
};
