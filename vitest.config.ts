import { defineConfig } from "vitest/config";

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
