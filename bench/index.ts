/**
 * The benchmark runner: `npm run bench` runs every bench and prints a table; `-- client` (bench
 * names) runs only those; `-- --json` prints one JSON object (stable names:
 * `benches.<bench>.<figure>`); `-- --quick` runs fewer rounds. Each bench is a module
 * exporting a `Bench`; add yours to `benches` below.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { buildBench } from "./build.js";
import { clientBench } from "./client.js";
import { rulesetBench } from "./ruleset.js";
import { serverBench } from "./server.js";

export interface Figure {
  /** Stable, dotted: the key of the figure in `--json` output. */
  name: string;
  value: number;
  unit: "µs" | "×" | "bytes" | "s" | "MiB";
  /** What it measures, for the table. */
  label: string;
  /** The target the figure must not exceed, if it has one. */
  max?: number;
}

export interface Bench {
  /** Stable: the key of the bench in `--json` output. */
  name: string;
  run(options: { quick: boolean }): Promise<Figure[]>;
}

/** Every bench, in the order they run. */
export const benches: Bench[] = [clientBench, serverBench, rulesetBench, buildBench];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "boolean" }, quick: { type: "boolean" } },
});
const unknown = positionals.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(`bench: no bench named ${unknown.join(", ")}; benches: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const quick = values.quick === true;
const results: { bench: string; figures: Figure[] }[] = [];
for (const bench of benches.filter((b) => positionals.length === 0 || positionals.includes(b.name)))
  results.push({ bench: bench.name, figures: await bench.run({ quick }) });

const met = (figure: Figure) => (figure.max === undefined ? undefined : figure.value <= figure.max);
const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
};

if (values.json) {
  const benchesOut = Object.fromEntries(
    results.map(({ bench, figures }) => [
      bench,
      Object.fromEntries(
        figures.map((f) => [
          f.name,
          {
            value: Math.round(f.value * 1000) / 1000,
            unit: f.unit,
            ...(f.max === undefined ? {} : { max: f.max, met: met(f) }),
          },
        ]),
      ),
    ]),
  );
  console.log(JSON.stringify({ machine, quick, benches: benchesOut }, null, 2));
} else {
  const format = (f: Figure) =>
    f.unit === "bytes"
      ? `${f.value} B`
      : f.unit === "×"
        ? `${f.value.toFixed(2)} ×`
        : `${f.value.toFixed(2)} ${f.unit}`;
  const rows = results.flatMap(({ bench, figures }) =>
    figures.map((f) => [
      bench,
      f.label,
      format(f),
      f.max === undefined ? "" : `≤ ${f.unit === "bytes" ? `${f.max} B` : `${f.max.toFixed(2)} ${f.unit}`}`,
      met(f) === undefined ? "" : met(f) ? "met" : "NOT MET",
    ]),
  );
  const header = ["bench", "figure", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(`${machine.cpus} × ${machine.cpu}, Node ${machine.node}${quick ? ", --quick" : ""}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
if (results.some(({ figures }) => figures.some((f) => met(f) === false))) process.exitCode = 1;
