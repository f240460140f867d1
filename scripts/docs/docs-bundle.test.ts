import { describe, expect, it } from "vitest";
import type { Catalog } from "../core/catalog-format.js";
import { docsBundle } from "./docs-bundle.js";
import { removedLink } from "./sanitize.js";

describe("docsBundle", () => {
  const catalog: Catalog = {
    families: [
      {
        id: "shop",
        apis: ["shop"],
        mediaType: "application/json",
        statuses: [],
        errors: [
          {
            code: "NOT_FOUND",
            status: 404,
            message: "m",
            description: "d",
            retryable: false,
            summary: "s",
            kind: "code",
            example: "ShopNotFound",
          },
        ],
      },
    ],
  };
  const doc = {
    info: {
      title: "Shop <b>",
      summary: "Sells <img src=x onerror=alert(1)>",
      description: "Hi <script>alert(1)</script> [x](javascript:alert(1))",
    },
    components: {
      examples: {
        ShopNotFound: {
          summary: "Not found",
          description: "<img src=x onerror=alert(1)>",
          value: { errorCode: "NOT_FOUND", note: "<script>" },
        },
      },
    },
  };
  const bundle = docsBundle("shop", doc, catalog) as typeof doc;
  const cases: { name: string; got: () => unknown; want: unknown }[] = [
    {
      name: "an example's label starts with its code",
      got: () => bundle.components.examples.ShopNotFound.summary,
      want: "NOT_FOUND · Not found",
    },
    {
      name: "descriptions are inert Markdown",
      got: () => bundle.info.description,
      want: `Hi \\<script>alert(1)\\</script> [x](${removedLink})`,
    },
    {
      name: "example descriptions too",
      got: () => bundle.components.examples.ShopNotFound.description,
      want: "\\<img src=x onerror=alert(1)>",
    },
    {
      name: "the API's summary too (Redoc renders it as Markdown)",
      got: () => bundle.info.summary,
      want: "Sells \\<img src=x onerror=alert(1)>",
    },
    { name: "titles stay (Redoc shows them as text)", got: () => bundle.info.title, want: "Shop <b>" },
    {
      name: "example values stay as the wire has them",
      got: () => bundle.components.examples.ShopNotFound.value,
      want: { errorCode: "NOT_FOUND", note: "<script>" },
    },
    {
      name: "the bundle itself is untouched",
      got: () => doc.components.examples.ShopNotFound.summary,
      want: "Not found",
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toEqual(want);
  });
});
