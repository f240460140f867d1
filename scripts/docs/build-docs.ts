import { rmSync } from "node:fs";
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
const template = assetPath("reference.hbs");

/**
 * Redoc's options: the `openapi` section of the Redocly configuration, and unless it says
 * otherwise, example bodies expanded to every level (an inner code sits three levels deep).
 */
export async function redocOptions(configPath: string): Promise<Record<string, unknown>> {
  const config = parse(await fs.readFile(configPath, "utf8")) as { openapi?: unknown } | null;
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

/**
 * Redoc's page of an API: `redocly build-docs --inlineBundle` (Redoc's script in the page,
 * nothing from a CDN) with `assets/reference.hbs`, telemetry off.
 */
export async function buildDocs(page: BuildDocsInput): Promise<string> {
  page.signal?.throwIfAborted();
  const work = await fs.mkdtemp(
    page.outFile ? `${page.outFile}.build-docs-` : path.join(os.tmpdir(), "error-contracts-docs-"),
  );
  const done = untilDone(() => rmSync(work, { recursive: true, force: true }));
  try {
    const input = path.join(work, "openapi.json");
    const output = path.join(work, "page.html");
    await fs.writeFile(input, JSON.stringify(page.doc));
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
      JSON.stringify(await redocOptions(page.redoclyConfig)),
    ];
    try {
      await runNode(redoclyCli, args, {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
        maxBuffer: 16 * 1024 * 1024,
        background: true,
        ...(page.signal ? { signal: page.signal } : {}),
      });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      const output = String(stderr ?? "") + String(stdout ?? "");
      const last = output
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !/[║╔╚]/.test(l))
        .pop();
      throw new Error(`redocly build-docs failed on ${page.source}: ${last ?? "no output"}`);
    }
    return await fs.readFile(output, "utf8");
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    done();
  }
}
