/**
 * axe-core's WCAG 2.0 and 2.1 A and AA rules, run in a page. The pages' Content-Security-Policy
 * refuses an injected `<script>` (Playwright's `addScriptTag`), so axe is evaluated through the
 * DevTools protocol, which that policy does not govern.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(path.join(path.dirname(require.resolve("axe-core")), "axe.min.js"), "utf8");
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's violations, one line each: the rule, how many elements, the first of them and what fails. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      count: v.nodes.length,
      first: `${v.nodes[0]?.target.join(" ")}: ${v.nodes[0]?.failureSummary?.replace(/\s+/g, " ")}`,
    }));
  }, wcagTags);
  return violations.map((v) => `${v.id} (${v.count}): ${v.first}`);
}
