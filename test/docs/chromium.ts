/**
 * Debian's Chromium, driven by playwright-core, for the docs tests: pages opened from disk (the
 * fresh build of test/rebuild.setup.ts) with no network at all. Every request for something that
 * is not a file of the page is refused and recorded; console errors and dialogs are recorded too.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "playwright-core";
import type { Catalog } from "../../scripts/build/catalog.js";
import { repoRoot } from "../helpers/cli.js";

export const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const haveChromium = fs.existsSync(executablePath);
/** Why a docs browser test is skipped, in one line. */
export const noChromium = `no Chromium at ${executablePath}; install it with: apt-get install -y chromium`;

export const docs = path.join(repoRoot, "generated", "docs");
/** Where the tests save screenshots (git-ignored). */
export const shots = path.join(repoRoot, "test-results", "docs");
export const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "catalog.json"), "utf8")) as Catalog;
export const apis = [...new Set(catalog.families.flatMap((f) => f.apis))].sort();
/** Every code of the catalog with its family and its anchor on the landing page. */
export const errors = catalog.families.flatMap((family) =>
  family.errors.map((error) => ({ family: family.id, ...error, anchor: `${family.id}-${error.code}` })),
);
export const byCode = (code: string) => errors.find((e) => String(e.code) === code)!;
/** The editions' folders under docs/: English, then Indonesian. */
export const editions = ["", "id/"];
/** Every generated page of every edition: the landing page and each API's reference. */
export const pages = editions.flatMap((dir) =>
  ["index.html", ...apis.map((api) => `${api}.html`)].map((page) => `${dir}${page}`),
);

export type Opened = { page: Page; problems: string[]; console: string[] };
export interface OpenOptions {
  hash?: string;
  /** The page's viewport, from before it loads (the context's 1400 × 900 otherwise). */
  viewport?: { width: number; height: number };
}

export interface DocsBrowser {
  /** Opens a page from disk; a reference page once Redoc has rendered its sections. Close it after use. */
  open(file: string, options?: OpenOptions): Promise<Opened>;
  /** Every request that left the machine (refused): there must be none. */
  offMachine: string[];
  dialogs: string[];
  close(): Promise<void>;
}

export async function launchDocsBrowser(): Promise<DocsBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  const offMachine: string[] = [];
  const dialogs: string[] = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 900 },
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  const open = async (file: string, options: OpenOptions = {}): Promise<Opened> => {
    const page = await context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    const problems: string[] = [];
    const logged: string[] = [];
    page.on("console", (message) => {
      logged.push(message.text());
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href + (options.hash ?? ""));
    if (!file.endsWith("index.html"))
      await page.waitForSelector("[data-section-id]", { state: "attached", timeout: 30_000 });
    return { page, problems, console: logged };
  };
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { open, offMachine, dialogs, close };
}
