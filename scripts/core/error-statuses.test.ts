import { describe, expect, it } from "vitest";
import { documentedStatuses, errorStatusesOf } from "./error-statuses.js";

const api = (responses: Record<string, unknown>[]) => ({
  openapi: "3.0.3",
  paths: { "/a": Object.fromEntries(responses.map((r, i) => [["get", "post", "put"][i], { responses: r }])) },
  components: { responses: { NotFound: { description: "Not found." } } },
});

describe("documentedStatuses", () => {
  it("lists every 4xx, 5xx, 4XX, 5XX and default key across operations, once, in order, with its meaning", () => {
    const doc = api([
      {
        "200": { description: "OK" },
        "404": { $ref: "#/components/responses/NotFound" },
        default: { description: "Any." },
      },
      { "201": { description: "Made" }, "5xx": { description: "Server." }, "400": { description: "Bad." } },
      { "404": { description: "Gone here." }, "4XX": { description: "Client." }, "302": { description: "Moved" } },
    ]);
    expect(documentedStatuses(doc)).toEqual([
      { key: "400", meaning: "Bad." },
      { key: "404", meaning: "Not found." },
      { key: "4XX", meaning: "Client." },
      { key: "5XX", meaning: "Server." },
      { key: "default", meaning: "Any." },
    ]);
  });

  it("finds none where there are no operations or no error responses", () => {
    expect(documentedStatuses({ openapi: "3.1.0" })).toEqual([]);
    expect(documentedStatuses(api([{ "200": { description: "OK" } }]))).toEqual([]);
  });
});

describe("errorStatusesOf", () => {
  it("counts a status several APIs document once", () => {
    const a = api([{ "404": { description: "x" }, "429": { description: "y" } }]);
    const b = api([{ "404": { description: "x" }, "500": { description: "z" } }]);
    expect([...errorStatusesOf([a, b])].sort()).toEqual(["404", "429", "500"]);
  });
});
