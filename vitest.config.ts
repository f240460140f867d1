import fs from "node:fs";
import { defineConfig } from "vitest/config";

// The tests' temporary folders (copies of the spec, builds, installs from tarballs, Chromium profiles) in
// memory where the machine has a tmpfs at /dev/shm and TMPDIR is not set: on a virtual disk their writes
// and deletes kept every process waiting on I/O for most of the suite. Child processes inherit it.
if (process.env.TMPDIR === undefined && isWritableDir("/dev/shm")) process.env.TMPDIR = "/dev/shm";

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
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
  },
});
