import { describe, expect, it } from "vitest";
import type { Catalog } from "./catalog.js";
import { cspHash } from "./html.js";
import { docsBundle, finishReferencePage, keepHashScript, swapDefinition, useLabels } from "./reference.js";
import { removedLink } from "./sanitize.js";

describe("docsBundle", () => {
  const catalog: Catalog = {
    families: [
      { id: "shop", apis: ["shop"], mediaType: "application/json", statuses: [], errors: [{ code: "NOT_FOUND", status: 404, message: "m", description: "d", retryable: false, kind: "code", example: "ShopNotFound" }] },
    ],
  };
  const doc = {
    info: { title: "Shop <b>", summary: "Sells <img src=x onerror=alert(1)>", description: "Hi <script>alert(1)</script> [x](javascript:alert(1))" },
    components: {
      examples: { ShopNotFound: { summary: "Not found", description: "<img src=x onerror=alert(1)>", value: { errorCode: "NOT_FOUND", note: "<script>" } } },
    },
  };
  const bundle = docsBundle("shop", doc, catalog) as typeof doc;
  const cases: { name: string; got: () => unknown; want: unknown }[] = [
    { name: "an example's label starts with its code", got: () => bundle.components.examples.ShopNotFound.summary, want: "NOT_FOUND · Not found" },
    { name: "descriptions are inert Markdown", got: () => bundle.info.description, want: `Hi \\<script>alert(1)\\</script> [x](${removedLink})` },
    { name: "example descriptions too", got: () => bundle.components.examples.ShopNotFound.description, want: "\\<img src=x onerror=alert(1)>" },
    { name: "the API's summary too (Redoc renders it as Markdown)", got: () => bundle.info.summary, want: "Sells \\<img src=x onerror=alert(1)>" },
    { name: "titles stay (Redoc shows them as text)", got: () => bundle.info.title, want: "Shop <b>" },
    { name: "example values stay as the wire has them", got: () => bundle.components.examples.ShopNotFound.value, want: { errorCode: "NOT_FOUND", note: "<script>" } },
    { name: "the bundle itself is untouched", got: () => doc.components.examples.ShopNotFound.summary, want: "Not found" },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toEqual(want);
  });
});

/** What `redocly build-docs --template reference.hbs` writes, in small. */
const redocTranslate = "su={useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``}),useX:1}";
const rendered = (extraBody = "") => `<!DOCTYPE html>
<html lang="en">
<head>
  <!-- error-contracts:head -->
  <title>Shop</title>
</head>
<body>
  <!-- error-contracts:nav -->
  <div id="redoc"><div hidden=""><script>try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")m=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.add(m)}catch(e){}</script></div><p>Responses</p>${extraBody}</div>
      <script type="module">
      const logo = "https://cdn.redoc.ly/redoc/logo-mini-full.svg"; ${redocTranslate}
      const __redoc_definition = {"info":{"title":"Shop \\u003cb>"}};
      hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));
      </script>
</body>
</html>`;

describe("finishReferencePage", () => {
  const nav = `<header>bar</header><script>${keepHashScript}</script>`;
  const finished = finishReferencePage(rendered("<script>window.evil=1</script>"), { header: "<!-- generated -->\n", nav }).html;
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
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[^;]+; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'/);
  });
  it("keeps the server-side render and English labels without a translation", () => {
    expect(finished).toContain("<p>Responses</p>");
    expect(finished).toContain(redocTranslate);
  });

  it("gives Redoc the labels of a translation, and renders in the browser", () => {
    const result = finishReferencePage(rendered(), { header: "", nav: "", labels: { responses: "Respons" } });
    expect(result.labelsApplied).toBe(true);
    expect(result.html).toContain('<div id="redoc"></div>\n      <script type="module">\nglobalThis.__errorContractsLabels = {"responses":"Respons"};');
    expect(result.html).toContain("translate:(e,t)=>(e&&globalThis.__errorContractsLabels?.[e])||(typeof t==`string`?t:t?.defaultValue)||e||``");
    expect(result.html).not.toContain("<p>Responses</p>");
  });
  it("leaves the labels English when this Redoc has no translate hook it knows", () => {
    expect(useLabels(rendered().replace(redocTranslate, "translate:x"), { responses: "Respons" })).toBeUndefined();
  });
  it("refuses a page not rendered with reference.hbs", () => {
    expect(() => finishReferencePage("<html><body></body></html>", { header: "", nav: "" })).toThrow(/reference\.hbs/);
  });
});

describe("swapDefinition", () => {
  const english = { info: { title: "Shop <b>" } };
  const indonesian = { info: { title: "Toko </script>" } };
  it("makes the page of a translation from the English page: the API, language and title swapped, rendered in the browser", () => {
    const page = swapDefinition(rendered(), english, indonesian, "id")!;
    expect(page).toContain('const __redoc_definition = {"info":{"title":"Toko \\u003c/script>"}};\n');
    expect(page).toContain('<html lang="id">');
    expect(page).toContain("<title>Toko &lt;/script&gt;</title>");
    expect(page).toContain('<div id="redoc"></div>\n      <script type="module">');
    expect(page).not.toContain("<p>Responses</p>");
  });
  it("refuses a page that does not embed the English API exactly as the build would", () => {
    expect(swapDefinition(rendered(), { info: { title: "Other" } }, indonesian, "id")).toBeUndefined();
    expect(swapDefinition("<html></html>", english, indonesian, "id")).toBeUndefined();
  });
});
