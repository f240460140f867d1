/**
 * What every reader needs of the published docs, in Chromium: each page of both editions opened
 * once for all its checks (no console error, no request off the machine, no axe-core violation of
 * WCAG 2.0/2.1 A or AA at 1400 and at 390 px, no wider than a 390 px phone); then each landing
 * page by keyboard alone, on paper, and on a phone. Screenshots go to test-results/docs/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe.js";
import {
  byCode,
  type DocsBrowser,
  docs,
  editions,
  errors,
  haveChromium,
  launchDocsBrowser,
  pages,
  shots,
} from "./chromium.js";

const phone = { width: 390, height: 844 };
/** What an A4 page prints on at 96 dpi, within Chromium's default margins. */
const a4 = { width: 718, height: 1000 };
const everyCode = errors.map((e) => e.anchor);
const cell = { family: "sales", status: 403 };
const cellCodes = errors.filter((e) => e.family === cell.family && e.status === cell.status).map((e) => e.anchor);

/** The focused element: its id or link, and whether its focus ring shows (2 px or more). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return {
      id: element.id,
      href: element.getAttribute("href"),
      ring: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });
const shown = (page: Page) => page.$$eval("#catalog tbody tr:not([hidden])", (rows) => rows.map((row) => row.id));

/** Words of the page's main content split over two lines (between spaces; a line may end after a hyphen). */
const brokenWords = (page: Page) =>
  page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node as Text).data.matchAll(/[^\s-]+-*|-+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
    return broken;
  });

describe.skipIf(!haveChromium)("the docs for every reader", () => {
  let browser: DocsBrowser;
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    browser = await launchDocsBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(pages)(
    "%s: no console error, no request off the machine, WCAG 2.1 AA at 1400 px (light and dark) and 390 px, fits 390 px",
    async (name) => {
      const { page, problems } = await browser.open(path.join(docs, name));
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
      expect(browser.offMachine).toEqual([]);
      expect.soft(await axeViolations(page), "axe at 1400 px").toEqual([]);
      // Redoc's pages offer a dark colour mode too: a class on <html>, which its switch sets.
      if (!name.endsWith("index.html")) {
        // The colours change through CSS transitions: axe reads them once those have finished.
        const mode = (from: string, to: string) =>
          page.evaluate(
            async ([a, b]) => {
              document.documentElement.classList.replace(a!, b!);
              await Promise.all(document.getAnimations().map((animation) => animation.finished));
            },
            [from, to],
          );
        await mode("light", "dark");
        expect.soft(await axeViolations(page), "axe at 1400 px, dark").toEqual([]);
        await mode("dark", "light");
      }
      await page.setViewportSize(phone);
      await page.waitForTimeout(300);
      expect.soft(await axeViolations(page), "axe at 390 px").toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        "page width at 390 px",
      ).toBeLessThanOrEqual(phone.width);
      await page.close();
    },
  );

  describe.each(editions)("docs/%sindex.html", (dir) => {
    const file = path.join(docs, dir, "index.html");
    const prefix = dir ? "id" : "en";

    it("works by keyboard alone: / searches, Escape clears, Tab reaches every filter, a matrix cell and a row's anchor, Enter follows them, the focus always shows", async () => {
      const { page } = await browser.open(file);
      await page.keyboard.press("/");
      expect(await focused(page)).toMatchObject({ id: "q", ring: true });
      const code = String(byCode("30011").code);
      await page.keyboard.type(code);
      expect(await shown(page)).toContain(byCode(code).anchor);
      expect((await shown(page)).length).toBeLessThan(everyCode.length);
      await page.keyboard.press("Escape");
      expect(await page.inputValue("#q")).toBe("");
      expect(await shown(page)).toEqual(everyCode);

      // The filters, in order; the arrow keys choose, Escape clears them all.
      for (const id of ["family", "status", "retry"]) {
        await page.keyboard.press("Tab");
        expect(await focused(page), id).toMatchObject({ id, ring: true });
        await page.keyboard.press("ArrowDown");
        expect((await shown(page)).length, `${id} filters`).toBeLessThan(everyCode.length);
        await page.keyboard.press("Escape");
        expect(await shown(page), `Escape on ${id}`).toEqual(everyCode);
      }
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ id: "clear", ring: true });

      // Back up to the matrix cell, then Enter: its codes listed, the focus on them.
      const cellHref = `#codes-${cell.family}-${cell.status}`;
      for (let steps = 0; steps < 120 && (await focused(page)).href !== cellHref; steps++) {
        await page.keyboard.press("Shift+Tab");
        expect((await focused(page)).ring, `focus ring on ${JSON.stringify(await focused(page))}`).toBe(true);
      }
      expect((await focused(page)).href).toBe(cellHref);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.closest("#catalog-section"), null, { timeout: 5_000 });
      expect(await shown(page)).toEqual(cellCodes);

      // Tab into the listed rows, to the first row's anchor; Enter puts it in the address.
      const anchorHref = `#${cellCodes[0]}`;
      for (let steps = 0; steps < 20 && (await focused(page)).href !== anchorHref; steps++)
        await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ href: anchorHref, ring: true });
      await page.keyboard.press("Enter");
      await page.waitForFunction((hash) => location.hash === hash, anchorHref, { timeout: 5_000 });
      expect(await page.$eval(`[id="${cellCodes[0]}"]`, (row) => row.matches(":target"))).toBe(true);
      await page.close();
    });

    it("the anchor from a ticket: Tab goes on from the code's row", async () => {
      const { anchor } = byCode("30011");
      const { page } = await browser.open(file, { hash: `#${anchor}` });
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("tr")?.id)).toBe(anchor);
      await page.close();
    });

    it("prints every code, whatever the filters, without the controls, within an A4 page's width", async () => {
      const { page } = await browser.open(file, { viewport: a4 });
      await page.fill("#q", "no such code anywhere");
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => {
        const visible = (selector: string) =>
          [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => e.getClientRects().length > 0);
        return {
          rows: visible("#catalog tbody tr").map((row) => row.id),
          controls: visible(".controls, .bar nav, .perma, #empty").map((e) => e.className || e.id),
          width: document.documentElement.scrollWidth,
        };
      });
      expect(printed).toEqual({ rows: everyCode, controls: [], width: a4.width });
      await page.close();
    });

    it("on a 390 px phone: the anchor lands on its card below the bar, the matrix scrolls in its box with the family column pinned, no word is split", async () => {
      const { anchor } = byCode("30011");
      const { page } = await browser.open(file, { hash: `#${anchor}`, viewport: phone });
      await page.waitForTimeout(200);
      const card = await page.$eval(`[id="${anchor}"]`, (row) => {
        const box = row.getBoundingClientRect();
        const bar = document.querySelector(".bar")!.getBoundingClientRect();
        const cells = [...row.querySelectorAll("td")];
        return {
          target: row.matches(":target"),
          inView: box.top >= bar.bottom && box.bottom <= window.innerHeight,
          withinScreen:
            box.right <= window.innerWidth && cells.every((c) => c.getBoundingClientRect().right <= box.right),
          hiddenCells: cells.filter((c) => c.getClientRects().length === 0).map((c) => c.className),
        };
      });
      expect(card).toEqual({ target: true, inView: true, withinScreen: true, hiddenCells: [] });
      await page.screenshot({ path: path.join(shots, `phone-${prefix}-anchor.png`) });

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, `phone-${prefix}-top.png`) });
      await page.evaluate(() => document.getElementById("matrix")!.scrollIntoView());
      await page.screenshot({ path: path.join(shots, `phone-${prefix}-matrix.png`) });
      const matrix = await page.evaluate(() => {
        const wrap = document.querySelector<HTMLElement>(".matrix-wrap")!;
        const scrolls = wrap.scrollWidth > wrap.clientWidth;
        wrap.scrollLeft = wrap.scrollWidth;
        const family = wrap.querySelector("tbody th")!.getBoundingClientRect();
        return { scrolls, pinned: Math.abs(family.left - wrap.getBoundingClientRect().left) <= 2 };
      });
      expect(matrix).toEqual({ scrolls: true, pinned: true });
      await page.screenshot({ path: path.join(shots, `phone-${prefix}-matrix-scrolled.png`) });
      await page.evaluate(() => {
        document.querySelector(".matrix-wrap")!.scrollLeft = 0;
        document.getElementById("catalog-section")!.scrollIntoView();
      });
      await page.screenshot({ path: path.join(shots, `phone-${prefix}-catalog.png`) });
      expect(await brokenWords(page)).toEqual([]);
      await page.close();
    });
  });
});
