import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import type { Catalog } from "./catalog.js";
import { htmlHeader } from "./header.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const redoclyCli = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

/**
 * One self-contained reference page per API: `redocly build-docs --inlineBundle` (Redoc's
 * script inside the page, nothing from a CDN), with telemetry off for every reader.
 */
export async function renderReferencePage(bundlePath: string, outFile: string, configPath: string, source: string): Promise<void> {
  try {
    await run(
      process.execPath,
      [redoclyCli, "build-docs", bundlePath, "--inlineBundle", "--output", outFile, "--config", configPath, "--lint-config", "off"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" }, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const output = String((error as { stderr?: string }).stderr ?? "") + String((error as { stdout?: string }).stdout ?? "");
    const last = output.split("\n").map((l) => l.trim()).filter((l) => l && !/[║╔╚]/.test(l)).pop();
    throw new Error(`redocly build-docs failed on ${path.basename(bundlePath)}: ${last ?? "no output"}`);
  }
  const html = await fs.readFile(outFile, "utf8");
  await fs.writeFile(outFile, htmlHeader(source) + html);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** `generated/docs/index.html`: the APIs and every catalogued error code. */
export function renderLandingPage(apis: { id: string; title: string }[], catalog: Catalog): string {
  const rows = catalog.families.flatMap((family) =>
    family.errors.map(
      (error) =>
        `<tr id="${escapeHtml(`${family.id}-${error.code}`)}"><td><code>${escapeHtml(String(error.code))}</code></td><td>${error.status}</td>` +
        `<td>${escapeHtml(family.id)}</td><td>${escapeHtml(error.message)}</td><td>${escapeHtml(error.description)}</td><td>${error.retryable ? "yes" : "no"}</td></tr>`,
    ),
  );
  return `${htmlHeader("openapi/")}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Error contracts: reference</title>
</head>
<body>
<h1>Error contracts</h1>
<h2>APIs</h2>
<ul>
${apis.map((api) => `<li><a href="${escapeHtml(api.id)}.html">${escapeHtml(api.title)}</a></li>`).join("\n")}
</ul>
<h2>Error catalog</h2>
<table>
<thead><tr><th>Code</th><th>Status</th><th>Family</th><th>Message</th><th>Description</th><th>Retryable</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</body>
</html>
`;
}
