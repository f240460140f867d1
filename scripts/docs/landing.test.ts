import { describe, expect, it } from "vitest";
import { cspHash } from "./csp.js";
import { renderLandingPage, type LandingError, type LandingPage } from "./landing.js";
import { landingText } from "./landing-text.js";

const error = (over: Partial<LandingError>): LandingError => ({
  anchor: "shop-NOT_FOUND",
  family: "shop",
  code: "NOT_FOUND",
  status: 404,
  message: "No such order.",
  description: "The `orderId` does not exist.",
  retryable: false,
  inner: false,
  doc: { href: "shop.html#/orders/getorder#orders/getorder/response&c=404/body", label: "Read an order", status: 404 },
  ...over,
});

const page = (over: Partial<LandingPage> = {}): LandingPage => ({
  lang: "en",
  text: (key) => landingText[key] ?? key,
  title: "API error reference",
  languages: [
    { lang: "en", label: "English", href: "index.html", current: true },
    { lang: "id", label: "Bahasa Indonesia", href: "id/index.html", current: false },
  ],
  apis: [
    {
      id: "shop",
      title: "Shop API",
      summary: "Sells `things`.",
      href: "shop.html",
      family: "shop",
      mediaType: "application/json",
      codes: 2,
      statuses: 3,
    },
  ],
  families: [
    {
      id: "shop",
      statuses: [
        { status: 200, meaning: "OK" },
        { status: 404, meaning: "Not Found" },
        { status: 429, meaning: "Too Many Requests" },
        { status: 503, meaning: "Unavailable" },
      ],
    },
  ],
  errors: [
    error({}),
    error({
      anchor: "shop-99",
      code: "99",
      status: 503,
      retryable: true,
      inner: true,
      message: "Down <b>now</b>",
      doc: undefined,
    }),
  ],
  errorStatuses: 4,
  source: "openapi/",
  ...over,
});

describe("renderLandingPage", () => {
  const html = renderLandingPage(page());
  const cases: { name: string; want: string | RegExp }[] = [
    {
      name: "a row per code, with its stable anchor and filter data",
      want: '<tr id="shop-NOT_FOUND" data-family="shop" data-status="404" data-retryable="no">',
    },
    {
      name: "the code linking to where the reference documents it",
      want: '<a class="mono" href="shop.html#/orders/getorder#orders/getorder/response&amp;c=404/body">NOT_FOUND</a>',
    },
    { name: "a permalink to the row", want: '<a class="perma" href="#shop-NOT_FOUND"' },
    { name: "the operation it is documented at", want: '>Read an order</a> <span class="badge s4">404</span>' },
    { name: "a code without a reference location, unlinked", want: '<span class="mono">99</span>' },
    { name: "an inner code marked as such", want: '<span class="inner">in innerError</span>' },
    { name: "descriptions with code spans", want: "The <code>orderId</code> does not exist." },
    { name: "messages escaped", want: "Down &lt;b&gt;now&lt;/b&gt;" },
    {
      name: "a matrix cell linking to its codes, named by what its number counts",
      want: /<a class="n s4" href="#codes-shop-404" title="404 Not Found\nNOT_FOUND" aria-label="shop 404: 1 code">1<\/a>/,
    },
    {
      name: "a dot for a status documented without codes, said in words to a screen reader",
      want:
        '<span class="dot" title="429 Too Many Requests (documented, no code in the catalog)" aria-hidden="true">·</span>' +
        '<span class="sr">shop 429 Too Many Requests (documented, no code in the catalog)</span>',
    },
    {
      name: "a card label on the cells that need one on a phone",
      want: '<td class="family" data-label="Family">shop</td>',
    },
    { name: "the search field's key", want: 'aria-keyshortcuts="/"' },
    {
      name: "error statuses only in the matrix",
      want: /<tr><th scope="col">404<\/th><th scope="col">429<\/th><th scope="col" class="s5">503<\/th><\/tr>/,
    },
    {
      name: "a status filter of the statuses with codes",
      want: '<option value="404">404</option><option value="503">503</option></select>',
    },
    {
      name: "the language switch keeping the anchor",
      want: '<a href="id/index.html" hreflang="id" lang="id" data-keep-hash>Bahasa Indonesia</a>',
    },
    { name: "the page's language", want: '<html lang="en">' },
    { name: "the count of codes", want: 'Showing <b id="shown">2</b> of 2 codes' },
  ];
  it.each(cases)("$name", ({ want }) => {
    if (typeof want === "string") expect(html).toContain(want);
    else expect(html).toMatch(want);
  });

  it("lets only its own script and style run: the CSP names their hashes, nothing is fetched", () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toContain(`script-src ${cspHash(script)}`);
    expect(csp).toContain(`style-src ${cspHash(style)}`);
    expect(csp).toMatch(/default-src 'none'/);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
  });

  it("shows a translated message with the English the response carries", () => {
    const translated = renderLandingPage(
      page({ lang: "id", errors: [error({ message: "Pesanan tidak ada.", wireMessage: "No such order." })] }),
    );
    expect(translated).toContain(
      'Pesanan tidak ada.<span class="wire">The response says: <span lang="en">“No such order.”</span></span>',
    );
    expect(translated).toContain('<html lang="id">');
  });

  it("counts the error statuses the APIs document, codes or not, and shows an API without codes in the matrix", () => {
    const directus = {
      id: "directus",
      title: "Directus",
      summary: "",
      href: "directus.html",
      family: "",
      mediaType: "",
      codes: 0,
      statuses: 7,
    };
    const statuses = [
      { status: 401, meaning: "Unauthorized" },
      { status: 404, meaning: "Not Found" },
    ];
    const own = renderLandingPage(page({ apis: [directus], families: [{ id: "directus", statuses }], errors: [] }));
    expect(own).toContain("<div><b>4</b><span>HTTP error statuses</span></div>");
    expect(own).toContain("<span>0 codes</span><span>7 error statuses</span>");
    expect(own).toMatch(/<tr><th scope="row">directus<\/th><td class="s4"><span class="dot" title="401 Unauthorized/);
    // The family filter lists families with codes only.
    expect(own).not.toContain('<option value="directus">');
  });
});
