/** Given two versions of an error body schema, want the one error-shape-changed finding (or none). */
import { describe, expect, it } from "vitest";
import { Findings } from "./findings.js";
import { ShapeChanges } from "./shapes.js";

const object = (properties: object, extra: object = {}) => ({ type: "object", properties, ...extra });
const envelope = (code: object, message = true) =>
  object({ error: object({ code, ...(message ? { message: { type: "string" } } : {}) }) });
const problem = (extra: object = {}) =>
  object({ type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, ...extra });

const cases: { name: string; before: unknown; after: unknown; mediaType?: string; want: string | undefined }[] = [
  {
    name: "the envelope became a list (Directus 10 → 11)",
    before: envelope({ type: "integer" }),
    after: object({
      errors: {
        type: "array",
        items: object({ message: { type: "string" }, extensions: object({ code: { type: "string" } }) }),
      },
    }),
    want:
      "clients read the code at error.code (integer) and the message at error.message; they must now read the code at " +
      "errors[0].extensions.code (string) and the message at errors[0].message.",
  },
  {
    name: "the code's wire type changed",
    before: envelope({ type: "integer" }),
    after: envelope({ type: "string" }),
    want: "clients read the code at error.code (integer) and the message at error.message; the code there is now string.",
  },
  {
    name: "the message moved",
    before: object({ code: { type: "string" }, message: { type: "string" } }),
    after: object({ code: { type: "string" }, description: { type: "string" } }),
    want: "clients read the code at code (string) and the message at message; the body no longer has that message.",
  },
  {
    name: "the code is gone and nothing else reads as one",
    before: object({ code: { type: "string" }, message: { type: "string" } }),
    after: object({ reason: { type: "string" }, message: { type: "string" } }),
    want:
      "clients read the code at code (string) and the message at message; the body no longer has a code there, nor " +
      "one a client can find.",
  },
  {
    name: "problem details that gain a code member: clients reading type still can",
    before: problem(),
    after: problem({ code: { type: "integer" } }),
    mediaType: "application/problem+json",
    want: undefined,
  },
  {
    name: "a field added beside the code and message",
    before: envelope({ type: "string" }),
    after: object({ error: object({ code: { type: "string" }, message: { type: "string" }, target: {} }) }),
    want: undefined,
  },
  { name: "no shape before: nothing to compare", before: object({ reason: {} }), after: envelope({}), want: undefined },
];

describe("ShapeChanges", () => {
  it.each(cases)("$name", ({ before, after, mediaType = "application/json", want }) => {
    const shapes = new ShapeChanges();
    const docs = { base: {}, head: {} };
    const changed = shapes.note(
      docs,
      { schema: before, path: ["b"] },
      { schema: after, path: ["h"] },
      mediaType,
      "GET /x 404",
    );
    const findings = new Findings();
    shapes.report(findings);
    expect(findings.list.map((f) => f.message)).toEqual(want ? [want] : []);
    expect(changed).toBe(want !== undefined);
  });

  it("is one finding for every response that changed the same way, at the first by name", () => {
    const shapes = new ShapeChanges();
    const docs = { base: {}, head: {} };
    for (const where of ["response B", "response A", "response C"])
      shapes.note(
        docs,
        { schema: envelope({ type: "integer" }), path: [] },
        { schema: envelope({ type: "string" }), path: [] },
        "application/json",
        where,
      );
    const findings = new Findings();
    shapes.report(findings);
    expect(findings.list.map((f) => [f.rule, f.level, f.location])).toEqual([
      ["error-shape-changed", "breaking", "response A"],
    ]);
    expect(findings.list[0]!.message).toMatch(/ The same change: response B, response C\.$/);
  });
});
