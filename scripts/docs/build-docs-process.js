// @ts-check
// One process that renders many of Redoc's pages, each as `redocly build-docs` would: it loads
// Redocly CLI's own `build-docs` handler once (about half of a `build-docs` process is loading
// Redocly's modules, which Node 20 cannot cache) and runs it for every page the parent sends.
//
// Redocly offers no programmatic entry to `build-docs`: its CLI is one bundle whose command modules
// it imports by name (`const { handlerBuildCommand } = await import("./chunks/<hash>.js")`). This
// process finds that module the way the CLI does, from the import in `lib/index.js`, and calls the
// handler with the arguments the CLI would parse and a configuration loaded by
// `@redocly/openapi-core`. Where a Redocly release no longer has that import, the process says so
// (`unavailable`) and the parent runs the CLI per page instead. `build-docs-renderer.test.ts` holds
// the two to the same bytes. Unlike the CLI, it reads no `.env` file.
//
// Messages (IPC): the parent sends `{ id, input, output, lang, template, openapi }` for each page, as
// soon as it has one (pages sent while Redocly loads wait for it); the process answers, in order,
// `{ id }` for a page written, `{ id, error }` for one that failed, or `{ id, unavailable }` with the
// reason where Redocly's handler cannot be had. The parent may also send `{ id, call: { module, name,
// args, claim } }`: once the messages sent before it are answered, the process calls that export of that
// module (a file URL) and answers `{ id, value }` or `{ id, error }` (the build's types, made on the core
// this process would leave idle). With a `claim` (a path), it first creates that file, unless an earlier
// call did, and answers `{ id, skipped: true }` if it cannot (`take`, scripts/core/claim.js): the parent took
// the work first.
// It ends when the parent disconnects. Its arguments: the
// Redocly configuration's path and, optionally, the folder of `@redocly/cli` (default: the one resolved
// from here). The parent is `build-docs-renderer.ts`.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { take } from "../core/claim.js";

const require = createRequire(import.meta.url);

/** The import of the `build-docs` command's module in Redocly CLI's bundle. */
const handlerImport = /handlerBuildCommand\s*:\s*[\w$]+\s*\}\s*=\s*await\s+import\(\s*["']([^"']+)["']\s*\)/;

/**
 * Redocly CLI's `build-docs` handler, or why it cannot be had.
 * @param {string} cliDir the folder of `@redocly/cli`
 * @returns {Promise<{ handler: Function } | { reason: string }>}
 */
export async function findBuildDocsHandler(cliDir) {
  let index;
  try {
    index = fs.readFileSync(path.join(cliDir, "lib", "index.js"), "utf8");
  } catch {
    return { reason: `no lib/index.js in ${cliDir}` };
  }
  const found = handlerImport.exec(index);
  if (!found?.[1]) return { reason: "lib/index.js does not import handlerBuildCommand" };
  const module = await import(pathToFileURL(path.join(cliDir, "lib", found[1])).href);
  const handler = module.handlerBuildCommand;
  return typeof handler === "function" ? { handler } : { reason: `${found[1]} has no handlerBuildCommand function` };
}

/** An error's last line, or "failed". @param {unknown} error */
const messageOf = (error) =>
  (error instanceof Error ? error.message : String(error)).trim().split("\n").pop() || "failed";

/**
 * The handler and the configuration, or why they cannot be had.
 * @param {string} configPath
 * @param {string} cliDir
 */
async function load(configPath, cliDir) {
  try {
    const found = await findBuildDocsHandler(cliDir);
    if (!("handler" in found)) return found;
    const { loadConfig } = await import("@redocly/openapi-core");
    return { handler: found.handler, config: await loadConfig({ configPath }) };
  } catch (error) {
    return { reason: messageOf(error) };
  }
}

/** The claims this process took: the calls that name one are its own. */
const held = new Set();

/**
 * The value of a call the parent sent, or its error.
 * @param {number} id
 * @param {Call} call
 */
async function answer(id, { module, name, args, claim }) {
  if (claim !== undefined && !held.has(claim)) {
    if (!take(claim)) return { id, skipped: true };
    held.add(claim);
  }
  try {
    const exported = (await import(module))[name];
    if (typeof exported !== "function") return { id, error: `${module} has no function ${name}` };
    return { id, value: await exported(...args) };
  } catch (error) {
    return { id, error: messageOf(error) };
  }
}

/**
 * Renders each page sent, one at a time in the order sent; pages sent while Redocly loads wait for it.
 * A call runs in its turn too.
 * @typedef {{ id: number, input: string, output: string, lang: string, template: string, openapi: object }} Page
 * @typedef {{ module: string, name: string, args: unknown[], claim?: string }} Call
 * @param {string} configPath
 * @param {string} cliDir
 */
function serve(configPath, cliDir) {
  const send = (/** @type {object} */ message) => void process.send?.(message);
  const loaded = load(configPath, cliDir);
  /** @type {Promise<void>} */
  let queue = Promise.resolve();
  process.on("message", (/** @type {Page | { id: number, call: Call }} */ page) => {
    queue = queue.then(async () => {
      if ("call" in page) {
        send(await answer(page.id, page.call));
        return;
      }
      const redocly = await loaded;
      if (!("handler" in redocly)) {
        send({ id: page.id, unavailable: redocly.reason });
        return;
      }
      const argv = {
        api: page.input,
        o: page.output,
        inlineBundle: true,
        config: configPath,
        template: page.template,
        templateOptions: { lang: page.lang },
        openapi: page.openapi,
      };
      try {
        await redocly.handler({ argv, config: redocly.config, collectSpecData: () => {} });
        send({ id: page.id });
      } catch (error) {
        send({ id: page.id, error: messageOf(error) });
      }
    });
  });
}

if (process.send && process.argv[2]) {
  process.on("disconnect", () => process.exit(0));
  serve(process.argv[2], process.argv[3] ?? path.dirname(require.resolve("@redocly/cli/package.json")));
}
