// biome-ignore-all lint/style/noExcessiveLinesPerFile: one Chromium and the reference pages it loaded (seconds each), shared by every case
/**
 * The published docs in a real browser (test/docs/chromium.ts): every page from disk, with no
 * network at all. What every reader needs (WCAG 2.1 AA, keyboard, phones, print) is
 * test/docs/a11y.test.ts. Screenshots go to test-results/docs/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDocsRenderer } from "../../scripts/docs/build-docs-renderer.js";
import { docsBundle } from "../../scripts/docs/docs-bundle.js";
import { raw } from "../../scripts/docs/html.js";
import { renderReferencePage } from "../../scripts/docs/reference.js";
import { repoRoot } from "../helpers/cli.js";
import { haveSeeds, noSeeds, readSeed } from "../helpers/seeds.js";
import {
  byCode,
  catalog,
  type DocsBrowser,
  docs,
  editions,
  errors,
  haveChromium,
  launchDocsBrowser,
  noChromium,
  type Opened,
  pages,
  shots,
} from "./chromium.js";

if (!haveChromium) console.warn(`browser test skipped: ${noChromium}`);

/** The code the flawed Indonesian seed invented: read from the seed, as test/seeds.test.ts does. */
const salesCodes = new Set(catalog.families.find((f) => f.id === "sales")!.errors.map((e) => String(e.code)));
const translatedCodes = [...readSeed("001").matchAll(/^.+ \| ([A-Z_]+) \| (\d{3}) \|$/gm)]
  .map((m) => m[1]!)
  .filter((code) => !salesCodes.has(code));
if (haveChromium && !haveSeeds) console.warn(`browser test: the translated-code check skipped: ${noSeeds}`);

describe.skipIf(!haveChromium)("the reference docs in Chromium", () => {
  let browser: DocsBrowser;
  let work: string;
  const open = (file: string, hash = "") => browser.open(file, { hash });

  /** A reference page (a few seconds to load: tests navigate one by hash rather than reload it). Close it after use. */
  const reference = (name: string): Promise<Opened> => open(path.join(docs, name));
  /** Follows a link within a reference page (`#/<route>#<element id>`) and waits for the element. */
  const go = async (page: Page, hash: string) => {
    await page.evaluate((target) => {
      location.hash = target;
    }, hash);
    const id = hash.split("#")[2];
    if (id) await page.waitForFunction((target) => document.getElementById(target) !== null, id, { timeout: 10_000 });
  };

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    work = fs.mkdtempSync(path.join(os.tmpdir(), "docs-browser-"));
    browser = await launchDocsBrowser();
    // The untrusted-text fixture, rendered exactly as the build renders an API.
    const fixture = parse(fs.readFileSync(path.join(repoRoot, "test", "docs", "fixtures", "hostile.yaml"), "utf8"));
    const renderer = openDocsRenderer({ redoclyConfig: path.join(repoRoot, "redocly.yaml") });
    await renderReferencePage({
      doc: docsBundle("hostile", fixture, { families: [] }),
      outFile: path.join(work, "hostile.html"),
      lang: "en",
      source: "test/docs/fixtures/hostile.yaml",
      renderer,
      nav: raw(""),
    }).finally(() => renderer.close());
  });
  afterAll(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("renders reference pages with telemetry off", () => {
    for (const name of pages.filter((p) => !p.endsWith("index.html"))) {
      const html = fs.readFileSync(path.join(docs, name), "utf8");
      expect(html, name).toContain('"disableTelemetry":true');
      expect(html, name).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/,
      );
    }
  });

  describe.each(editions)("the catalog of docs/%sindex.html", (dir) => {
    const searches = [String(byCode("30011").code), String(byCode("INSUFFICIENT_PERMISSIONS").code)];
    it.each(searches)("search finds %s", async (term) => {
      const { page } = await open(path.join(docs, dir, "index.html"));
      await page.fill("#q", term);
      const shown = await page.$$eval("#catalog tbody tr:not([hidden])", (rows) =>
        rows.map((row) => ({ id: row.id, text: (row as HTMLElement).innerText })),
      );
      expect(shown.map((row) => row.id)).toContain(byCode(term).anchor);
      for (const row of shown) expect(row.text).toContain(term);
      expect(await page.textContent("#shown")).toBe(String(shown.length));
      await page.close();
    });

    it.each(searches)("the anchor of %s jumps to its row, even from a filtered table", async (term) => {
      const { anchor } = byCode(term);
      const { page } = await open(path.join(docs, dir, "index.html"), `#${anchor}`);
      const inView = () =>
        page.$eval(`[id="${anchor}"]`, (row) => {
          const box = row.getBoundingClientRect();
          return (
            !(row as HTMLElement).hidden && row.matches(":target") && box.top >= 0 && box.bottom <= window.innerHeight
          );
        });
      expect(await inView()).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.fill("#q", "no such code anywhere");
      await page.evaluate((id) => {
        location.hash = "#x";
        location.hash = `#${id}`;
      }, anchor);
      // The page shows the row on hashchange, which comes after the hash is set.
      await page.waitForFunction((id) => document.getElementById(id)?.hidden === false, anchor, { timeout: 5_000 });
      expect(await inView()).toBe(true);
      await page.close();
    });

    it("a matrix cell lists the codes behind it", async () => {
      const { page } = await open(path.join(docs, dir, "index.html"));
      await page.click('a[href="#codes-sales-403"]');
      // The page filters on hashchange, which comes after the click: wait until it has set the filters.
      await page.waitForFunction(
        () => (document.getElementById("family") as HTMLSelectElement | null)?.value === "sales",
        undefined,
        { timeout: 5_000 },
      );
      const shown = await page.$$eval("#catalog tbody tr:not([hidden])", (rows) => rows.map((row) => row.id));
      expect(shown).toEqual(errors.filter((e) => e.family === "sales" && e.status === 403).map((e) => e.anchor));
      await page.close();
    });
  });

  it("links every code to the response of the reference page that shows it", async () => {
    const { page } = await open(path.join(docs, "index.html"));
    const links = await page.$$eval("#catalog tbody tr", (rows) =>
      rows.map((row) => ({ id: row.id, href: row.querySelector("td.code a.mono")?.getAttribute("href") ?? "" })),
    );
    await page.close();
    expect(links.map((l) => l.id)).toEqual(errors.map((e) => e.anchor));
    const partner = errors.filter((e) => e.family === "partner");
    for (const link of links)
      expect(link.href, link.id).toMatch(/^\w+\.html#\/[\w-]+\/\w+#[\w-]+\/\w+\/response&c=\d{3}\/body$/);
    expect(partner.length).toBeGreaterThan(0);

    const byTarget = new Map<string, typeof errors>();
    for (const link of links)
      byTarget.set(link.href, [...(byTarget.get(link.href) ?? []), errors.find((e) => e.anchor === link.id)!]);
    const byApi = new Map<string, string[]>();
    for (const href of byTarget.keys())
      byApi.set(href.split("#")[0]!, [...(byApi.get(href.split("#")[0]!) ?? []), href]);
    for (const [file, hrefs] of byApi) {
      const { page: api, problems } = await reference(file);
      for (const href of hrefs) {
        const [, route, response] = href.split("#");
        await go(api, `#${route}#${response}`);
        const panels = api.locator(`[data-section-id="${route}"] [data-testid=right-panel]`);
        const codes = byTarget.get(href)!.map((e) => String(e.code));
        // The response sample is rendered: a list of examples, or the one example's body.
        await api.waitForFunction(
          ([section, wanted]) => {
            const text = [...document.querySelectorAll(`[data-section-id="${section}"] [data-testid=right-panel]`)]
              .map((p) => (p as HTMLElement).innerText)
              .join("\n");
            return / · /.test(text) || wanted!.every((code) => text.includes(code));
          },
          [route!, codes] as const,
        );
        const examples = panels.locator('[data-component-name="Dropdown/Dropdown"]', { hasText: / · / });
        let shown: string;
        if ((await examples.count()) > 0) {
          const items = api.locator('[data-component-name="Dropdown/DropdownMenuItem"]', { hasText: / · / });
          await examples.first().click();
          await items.first().waitFor();
          shown = (await items.allInnerTexts()).join("\n");
          await examples.first().click();
          await items.first().waitFor({ state: "hidden" });
        } else {
          shown = (await panels.allInnerTexts()).join("\n");
        }
        for (const error of byTarget.get(href)!) {
          expect(shown, `${href} shows ${error.code}`).toMatch(
            new RegExp(`(^|\\n)${error.code} · |"${error.code}"|\\b${error.code}\\b`),
          );
        }
      }
      expect(problems).toEqual([]);
      await api.close();
    }
    expect(browser.offMachine).toEqual([]);
  });

  it("the Indonesian pages keep codes and field names verbatim", async () => {
    const code = byCode("INSUFFICIENT_PERMISSIONS");
    const landing = await open(path.join(docs, "id", "index.html"));
    const landingText = await landing.page.innerText("body");
    expect(landingText).toContain(String(code.code));
    await landing.page.close();
    const href = fs
      .readFileSync(path.join(docs, "id", "index.html"), "utf8")
      .match(new RegExp(`id="${code.anchor}"[^]*?<a class="mono" href="([^"]+)"`))![1]!
      .replace(/&amp;/g, "&");
    const { page } = await reference(`id/${href.split("#")[0]!}`);
    await go(page, `#${href.split("#").slice(1).join("#")}`);
    await page.waitForFunction(() => document.body.innerText.includes("errorCode"));
    const text = await page.innerText("body");
    expect(text).toContain(String(code.code));
    expect(text).toContain("errorCode");
    expect(text).toContain("Respons"); // Redoc's own label, in Indonesian
    await page.waitForTimeout(500); // the sidebar's unfolding
    await page.screenshot({ path: path.join(shots, "id-sales-403.png") });
    await page.close();
  });

  it.skipIf(!haveSeeds)("the Indonesian pages never carry the code the Indonesian seed translated", () => {
    expect(translatedCodes.length).toBeGreaterThan(0);
    for (const name of pages.filter((p) => p.startsWith("id/"))) {
      const html = fs.readFileSync(path.join(docs, name), "utf8");
      for (const foreign of translatedCodes) expect(html, name).not.toContain(foreign);
    }
  });

  it("runs no script from the descriptions of an untrusted spec", async () => {
    const { page, console: logged } = await open(path.join(work, "hostile.html"));
    await page.waitForTimeout(500);
    expect(await page.innerText("body")).toContain("Descriptions are untrusted text.");
    // Follow every link that is not a page of the reference, as a reader clicking it would.
    await page.evaluate(() => {
      for (const link of document.querySelectorAll<HTMLAnchorElement>("#redoc a[href]"))
        if (!/^(https?:|#\/|\/)/.test(link.getAttribute("href")!)) link.click();
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __hostile?: string[] }).__hostile ?? [])).toEqual([]);
    expect(browser.dialogs).toEqual([]);
    expect(logged.filter((line) => line.includes("HOSTILE"))).toEqual([]);
    const dom = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll("#redoc script")]
        .map((s) => s.textContent ?? "")
        .filter((s) => !s.startsWith('try{var m=localStorage.getItem("redoc.colorMode")')),
      handlers: [...document.querySelectorAll("#redoc *")].flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
      ),
      scriptLinks: [
        ...[...document.querySelectorAll("#redoc [href]")]
          .map((e) => e.getAttribute("href")!)
          .filter((url) => /^\s*(javascript|vbscript|data):/i.test(url)),
        ...[...document.querySelectorAll("#redoc [src]")]
          .map((e) => e.getAttribute("src")!)
          .filter((url) => /^\s*(javascript|vbscript|data:text)/i.test(url)),
      ],
      images: [...document.querySelectorAll("#redoc img:not([alt='redocly logo'])")].map((e) => e.outerHTML),
      frames: document.querySelectorAll("#redoc iframe").length,
    }));
    expect(dom).toEqual({ scripts: [], handlers: [], scriptLinks: [], images: [], frames: 0 });
    expect(browser.offMachine).toEqual([]);
    await page.close();
  });

  it("saves screenshots of the landing page and an API page in both languages", async () => {
    for (const dir of editions) {
      const prefix = dir ? "id" : "en";
      const landing = await open(path.join(docs, dir, "index.html"));
      await landing.page.screenshot({ path: path.join(shots, `${prefix}-landing.png`) });
      await landing.page.evaluate(() => document.getElementById("matrix")!.scrollIntoView());
      await landing.page.screenshot({ path: path.join(shots, `${prefix}-landing-catalog.png`) });
      await landing.page.close();
      const { page } = await reference(`${dir}messaging.html`);
      await go(page, "#/messages/sendmessage#messages/sendmessage/response&c=400/body");
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, `${prefix}-messaging-400.png`) });
      await page.close();
    }
    for (const name of ["en-landing", "id-landing", "en-messaging-400", "id-messaging-400"])
      expect(fs.statSync(path.join(shots, `${name}.png`)).size).toBeGreaterThan(10_000);
  });
});
