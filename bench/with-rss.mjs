// @ts-check
// Runs a Node script in this process and, at exit, writes its peak resident memory (bytes) to
// stderr as `maxRSS=<n>`: how the benchmarks measure a CLI's memory without an external tool.
const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error("usage: node bench/with-rss.mjs <script> [args…]");
process.argv = [process.argv[0] ?? "node", script, ...args];
process.on("exit", () => process.stderr.write(`\nmaxRSS=${process.resourceUsage().maxRSS * 1024}\n`));
await import(new URL(script, `file://${process.cwd()}/`).href);
