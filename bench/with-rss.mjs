// @ts-check
// Runs a Node script in this process and, at exit, writes its peak resident memory (bytes) to
// stderr as `maxRSS=<n>`, and the CPU time it used (user + system, microseconds) as `cpu=<n>`: how
// the benchmarks measure a CLI's memory, and its work apart from the machine's load, without an
// external tool.
const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error("usage: node bench/with-rss.mjs <script> [args…]");
process.argv = [process.argv[0] ?? "node", script, ...args];
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmaxRSS=${usage.maxRSS * 1024}\ncpu=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
await import(new URL(script, `file://${process.cwd()}/`).href);
