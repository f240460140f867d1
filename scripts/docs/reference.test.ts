import { describe, expect, it } from "vitest";
import { cspHash } from "./csp.js";
import { raw } from "./html.js";
import { keepHashScript } from "./nav.js";
import { redocTranslate, rendered } from "./redoc-page.fixture.js";
import { finishReferencePage } from "./reference.js";

describe("finishReferencePage", () => {
  const nav = raw(`<header>bar</header><script>${keepHashScript}</script>`);
  const page = rendered("<script>window.evil=1</script>");
  const finished = finishReferencePage(page, { header: "<!-- generated -->\n", nav }).parts.join("");
  const csp = /content="([^"]+)"/.exec(finished)![1]!.replace(/&#39;/g, "'");
  const scripts = [...finished.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

  it("starts with the do-not-edit line and puts the bar at the top of the body", () => {
    expect(finished.startsWith("<!-- generated -->\n<!DOCTYPE html>")).toBe(true);
    expect(finished).toContain("<body>\n  <header>bar</header>");
  });
  it("serves Redoc's logo from the page, not its CDN", () => {
    expect(finished).not.toContain("cdn.redoc.ly");
    expect(finished).toContain('const logo = "data:image/svg+xml,');
  });
  it("lets Redoc's scripts and the bar's run, and nothing else", () => {
    expect(scripts).toHaveLength(4);
    const [colorMode, evil, bar, redoc] = [scripts[1]!, scripts[2]!, scripts[0]!, scripts[3]!];
    for (const trusted of [colorMode, bar, redoc]) expect(csp).toContain(cspHash(trusted));
    expect(csp).not.toContain(cspHash(evil));
    expect(csp).toMatch(
      /^default-src 'none'; script-src 'sha256-[^;]+; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'/,
    );
  });
  it("keeps the server-side render and English labels without a translation", () => {
    expect(finished).toContain("<p>Responses</p>");
    expect(finished).toContain(redocTranslate);
  });

  it("gives Redoc the labels of a translation, and renders in the browser", () => {
    const result = finishReferencePage(rendered(), { header: "", nav: raw(""), labels: { responses: "Respons" } });
    const finished = result.parts.join("");
    expect(result.labelsApplied).toBe(true);
    expect(finished).toContain(
      '<div id="redoc"></div>\n      <script type="module">\nglobalThis.__errorContractsLabels = {"responses":"Respons"};',
    );
    expect(finished).toContain(
      "translate:(e,t)=>(e&&globalThis.__errorContractsLabels?.[e])||(typeof t==`string`?t:t?.defaultValue)||e||``",
    );
    expect(finished).not.toContain("<p>Responses</p>");
  });
  it("refuses a page not rendered with reference.hbs", () => {
    expect(() => finishReferencePage("<html><body></body></html>", { header: "", nav: raw("") })).toThrow(
      /reference\.hbs/,
    );
  });
});
