import type { Command } from "./command.js";

/**
 * Every subcommand, in the order `error-contracts help` lists them. Each is loaded only when it
 * runs: the tools behind them take seconds to import, and `build` with nothing to do should not.
 */
export const commands: { name: string; summary: string; load(): Promise<Command> }[] = [
  {
    name: "init",
    summary: "Scaffold a project for your own API: a root, an error family of your choice, one catalogued code.",
    load: async () => (await import("./init.js")).initCommand,
  },
  {
    name: "build",
    summary: "Lint, bundle and compile a spec folder into bundles, types, clients, the catalog and docs.",
    load: async () => (await import("./build.js")).buildCommand,
  },
  {
    name: "daemon",
    summary: "The build daemon: the tools kept loaded between builds (status, start, stop).",
    load: async () => (await import("./daemon.js")).daemonCommand,
  },
  {
    name: "lint",
    summary: "Lint OpenAPI 3.x files with the error-contract ruleset; results point at source lines.",
    load: async () => (await import("./lint.js")).lintCommand,
  },
  {
    name: "diff",
    summary: "What a change does to clients when things fail: compare two versions of an API's error contract.",
    load: async () => (await import("./diff.js")).diffCommand,
  },
  {
    name: "review",
    summary:
      "One Markdown report for a design review: the error-contract diff and the lint findings a change introduced.",
    load: async () => (await import("./review.js")).reviewCommand,
  },
  {
    name: "serve",
    summary: "Serve the reference docs on this machine and rebuild them when the spec changes.",
    load: async () => (await import("./serve.js")).serveCommand,
  },
  {
    name: "mock",
    summary: "Serve one bundled API's documented responses and errors on localhost (Prism), to build a client against.",
    load: async () => (await import("./mock.js")).mockCommand,
  },
  {
    name: "check",
    summary: "Provoke a running API's documented errors and check every response against its error contract.",
    load: async () => (await import("./check.js")).checkCommand,
  },
  {
    name: "verify",
    summary: "The same checks on recorded traffic: a HAR file (or NDJSON) against an API's error contract.",
    load: async () => (await import("./verify.js")).verifyCommand,
  },
  {
    name: "proxy",
    summary: "Forward traffic to a running API unchanged and report every response that breaks its error contract.",
    load: async () => (await import("./proxy.js")).proxyCommand,
  },
];
