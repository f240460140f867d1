import { describe, expect, it } from "vitest";
import { redocTranslate, rendered } from "./redoc-page.fixture.js";
import { swapDefinition, useLabels } from "./redoc-patch.js";
import { splice } from "./splice.js";

describe("useLabels", () => {
  it("leaves the labels English when this Redoc has no translate hook it knows", () => {
    expect(useLabels(rendered().replace(redocTranslate, "translate:x"), { responses: "Respons" })).toBeUndefined();
  });
});

describe("swapDefinition", () => {
  const english = { info: { title: "Shop <b>" } };
  const indonesian = { info: { title: "Toko </script>" } };
  it("makes the page of a translation from the English page: the API, language and title swapped, rendered in the browser", () => {
    const page = splice(rendered(), swapDefinition(rendered(), english, indonesian, "id")!).join("");
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
