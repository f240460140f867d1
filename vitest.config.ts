import fs from "node:fs";
import { defineConfig } from "vitest/config";

// The tests' temporary folders (copies of the spec, builds, installs from tarballs, Chromium profiles) in
// memory where the machine has a tmpfs at /dev/shm with room for them (a container's is often 64 MB and noexec) and
// TMPDIR is not set: on a virtual disk their writes and deletes kept every process waiting on I/O for
// most of the suite. Child processes inherit it.
const ROOM = 4 * 2 ** 30;
if (process.env.TMPDIR === undefined && hasRoom("/dev/shm", ROOM)) process.env.TMPDIR = "/dev/shm";
// No build daemon behind the tests' builds (each would outlive its test): test/daemon.test.ts turns it on, in a
// folder of its own, and stops it.
process.env.ERROR_CONTRACTS_DAEMON = "off";

/** Writable, with `bytes` free, and not mounted `noexec` (Docker's is): the tests run installed binaries there. */
function hasRoom(dir: string, bytes: number): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    const mount = fs
      .readFileSync("/proc/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .find(([, where]) => where === dir);
    if (!mount || mount[3]?.split(",").includes("noexec")) return false;
    const { bavail, bsize } = fs.statfsSync(dir);
    return bavail * bsize >= bytes;
  } catch {
    return false;
  }
}

export default defineConfig({
  // The workspace packages from their TypeScript sources (their package.json exports), as tsc reads them;
  // then Vite's default server conditions.
  ssr: { resolve: { conditions: ["@error-contracts/source", "module", "node", "development|production"] } },
  test: {
    include: [
      "src/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "spectral/**/*.test.ts",
      "test/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    globalSetup: ["test/rebuild.setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The end-to-end tests run whole builds; two cores run two files at a time.
    maxWorkers: 2,
    // A worker runs file after file in one process, its modules loaded once: a fresh process per file (Vitest's
    // default) made and loaded one 106 times, a sixth of the suite's time. So no test may count on a fresh module:
    // one that changes a module's state puts it back (scripts/core/modern-nimma.test.ts starts from the state it
    // tests).
    isolate: false,
  },
});
