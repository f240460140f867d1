/**
 * Spectral's runner takes its JSONPath engine, nimma 0.2, from `nimma/legacy`: the same code as nimma's own
 * build, compiled by Babel for Node 12, where every private field of its runtime (`#scope`, `#path`…) is a
 * WeakMap behind a helper call. On a spec of 5,000 operations those helpers alone took 1.5 s of lint's CPU, and
 * nimma 3.2 s in all; with nimma's build for current Node (native private fields) it took 0.7 s
 * (`bench/README.md`). `useModernNimma` points the legacy module's export, which the runner reads at every lint
 * (`new legacy_1.default(…)`), at the class of nimma's own build: the same package and version, the same
 * queries, the same callbacks in the same order (the test compares Spectral's results both ways).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type NimmaModule = { default: unknown };

/** The two builds of nimma as Spectral's runner resolves them (the same package it loads). */
function builds(): { legacy: NimmaModule; modern: NimmaModule } {
  const fromCore = createRequire(require.resolve("@stoplight/spectral-core"));
  return { legacy: fromCore("nimma/legacy") as NimmaModule, modern: fromCore("nimma") as NimmaModule };
}

/** The legacy build's own class, kept on its module (one record, however many copies of this module run). */
const original = Symbol.for("error-contracts.nimma-legacy-default");

/**
 * Spectral's runner on nimma's modern build from now on (where that build exports a class, as 0.2 does); the
 * returned function puts the legacy one back.
 */
export function useModernNimma(): () => void {
  const { legacy, modern } = builds();
  const record = legacy as NimmaModule & { [original]?: unknown };
  if (typeof modern.default !== "function") return () => {};
  if (!(original in record)) record[original] = legacy.default;
  legacy.default = modern.default;
  return () => {
    legacy.default = record[original];
  };
}
