import v8 from "node:v8";
import vm from "node:vm";

/**
 * A full garbage collection now, so that V8 gives the pages it freed back to the system: after the
 * lint of a big spec the build's resident memory stays at its height (about 700 MiB at 5,000
 * operations) unless it collects, and a `build-docs` process started then adds its own to it. `gc`
 * is reached as Jest's leak detector reaches it: exposed for a moment, taken from a fresh context.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  v8.setFlagsFromString("--no-expose-gc");
  gc();
}
