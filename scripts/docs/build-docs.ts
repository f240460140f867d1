import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { runNode, untilDone } from "../core/lifetime.js";
import { assetPath } from "./assets.js";
import type { Json } from "./json.js";

const require = createRequire(import.meta.url);
const redoclyCli = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
/** The template of Redoc's page. */
export const template = assetPath("reference.hbs");

/** The environment of Redocly's processes: no telemetry, no update notice, no colours. */
export const redoclyEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_COLOR: "1",
});

/**
 * Redoc's options: the `openapi` section of the Redocly configuration, and unless it says
 * otherwise, example bodies expanded to every level (an inner code sits three levels deep).
 * Read at once (a small file): a page is sent to Redocly while lint keeps this process busy.
 */
export function redocOptions(configPath: string): Record<string, unknown> {
  const config = parse(readFileSync(configPath, "utf8")) as { openapi?: unknown } | null;
  const section = config?.openapi;
  const own = typeof section === "object" && section !== null ? (section as Record<string, unknown>) : {};
  return { jsonSamplesExpandLevel: "all", ...own };
}

/** What `buildDocs` renders: the API (a `docsBundle`), in which language, with which configuration. */
export interface BuildDocsInput {
  doc: Json;
  lang: string;
  /** The source named in messages. */
  source: string;
  redoclyConfig: string;
  /** Where the page will go: its work folder is made beside it (in the build's staging folder, so that
   * a build killed mid-render leaves nothing the next build does not remove), else in the temp folder. */
  outFile?: string;
  /** Stops the page: Redocly's process is killed. */
  signal?: AbortSignal;
}

/** The last line of a process's output worth showing (not the boxes of Redocly's notices). */
export const lastLine = (output: string): string | undefined =>
  output
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/[║╔╚]/.test(l))
    .pop();

/**
 * Runs `render` on the page's input and output files in a work folder of its own (removed afterwards, and
 * when the command is stopped), and returns the page; a failure is `redocly build-docs failed on <source>: …`.
 * The input is written before anything is awaited, so that `render` starts even while this process is busy.
 */
export async function inWorkFolder(
  page: BuildDocsInput,
  render: (input: string, output: string) => Promise<void>,
): Promise<string> {
  page.signal?.throwIfAborted();
  const work = mkdtempSync(
    page.outFile ? `${page.outFile}.build-docs-` : path.join(os.tmpdir(), "error-contracts-docs-"),
  );
  const done = untilDone(() => rmSync(work, { recursive: true, force: true }));
  try {
    const input = path.join(work, "openapi.json");
    const output = path.join(work, "page.html");
    writeFileSync(input, JSON.stringify(page.doc));
    try {
      await render(input, output);
    } catch (error) {
      throw new Error(`redocly build-docs failed on ${page.source}: ${(error as Error).message}`);
    }
    return await fs.readFile(output, "utf8");
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    done();
  }
}

/** `redocly build-docs --inlineBundle` in a process of its own, rendering `input` into `output`. */
export async function runBuildDocs(page: BuildDocsInput, input: string, output: string): Promise<void> {
  const args = [
    "build-docs",
    input,
    "--inlineBundle",
    "--output",
    output,
    "--config",
    page.redoclyConfig,
    "--lint-config",
    "off",
    "--template",
    template,
    "--templateOptions.lang",
    page.lang,
    "--openapi",
    JSON.stringify(redocOptions(page.redoclyConfig)),
  ];
  try {
    await runNode(redoclyCli, args, {
      env: redoclyEnv(),
      maxBuffer: 16 * 1024 * 1024,
      background: true,
      ...(page.signal ? { signal: page.signal } : {}),
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(lastLine(String(stderr ?? "") + String(stdout ?? "")) ?? "no output");
  }
}

/**
 * Redoc's page of an API: `redocly build-docs --inlineBundle` (Redoc's script in the page,
 * nothing from a CDN) with `assets/reference.hbs`, telemetry off; one process for the page.
 * The build renders its pages through `openDocsRenderer`, which gives the same bytes.
 */
export function buildDocs(page: BuildDocsInput): Promise<string> {
  return inWorkFolder(page, (input, output) => runBuildDocs(page, input, output));
}
