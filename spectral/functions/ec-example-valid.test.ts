/**
 * ec-example-valid and ec-oas-examples report an invalid example of an error response once between
 * them: ec-oas-examples where it runs (a schema that refers to itself aside, which it skips as
 * spectral:oas does), ec-example-valid the rest, and all of them where ec-oas-examples is off.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { describe, expect, it } from "vitest";
import { loadLinter } from "../../scripts/core/spectral.js";
import { scratchDir } from "../../test/helpers/scratch.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { dir, write } = scratchDir("ec-example-valid");
const ours = JSON.stringify(path.relative(dir, path.join(repoRoot, "spectral", "ruleset.yaml")));

/** Error responses with examples whose `code` is a number where the schema says string. */
const spec = `openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: OK.}
        "404":
          description: Flat schema.
          content: {application/json: {schema: {$ref: "#/components/schemas/Flat"}, example: {code: 5}}}
        "422":
          description: Flat schema, an example and examples beside it (which ec-oas-examples, as spectral:oas, skips).
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Flat"}
              example: {code: 5}
              examples: {listed: {value: {code: 6}}}
        "409":
          description: Holds a schema that refers to itself.
          content: {application/json: {schema: {$ref: "#/components/schemas/HoldsInner"}, example: {code: 5}}}
        "400":
          description: Refers to itself.
          content: {application/json: {schema: {$ref: "#/components/schemas/Inner"}, example: {code: 5}}}
components:
  schemas:
    Flat: {type: object, required: [code], properties: {code: {type: string}}}
    Inner: {type: object, required: [code], properties: {code: {type: string}, innerError: {$ref: "#/components/schemas/Inner"}}}
    HoldsInner: {type: object, required: [code], properties: {code: {type: string}, inner: {$ref: "#/components/schemas/Inner"}}}
`;

async function reported(ruleset: string): Promise<string[]> {
  const linter = await loadLinter(write(`${ruleset.length}.yaml`, ruleset), path.join(dir, "cache"));
  const file = write("api.yaml", spec);
  const results = await linter.run(new Document(fs.readFileSync(file, "utf8"), Parsers.Yaml, file));
  return results
    .filter((r) => String(r.code).includes("example"))
    .map((r) => `${r.code} ${r.path.slice(4, 5).concat(r.path.slice(7, 9)).join(" ")}`)
    .sort();
}

describe("an invalid example of an error response", () => {
  it("is reported once: by ec-oas-examples, by ec-example-valid where that rule does not look", async () => {
    expect(await reported(`extends: [${ours}]\n`)).toEqual([
      "ec-example-valid 400 example code",
      "ec-example-valid 409 example code",
      "ec-example-valid 422 examples listed",
      "ec-oas-examples 404 example code",
      "ec-oas-examples 422 example code",
    ]);
  });

  it("is reported by ec-example-valid, each of them, where ec-oas-examples is off", async () => {
    expect(await reported(`extends: [${ours}]\nrules:\n  ec-oas-examples: off\n`)).toEqual([
      "ec-example-valid 400 example code",
      "ec-example-valid 404 example code",
      "ec-example-valid 409 example code",
      "ec-example-valid 422 example code",
      "ec-example-valid 422 examples listed",
    ]);
  });
});
