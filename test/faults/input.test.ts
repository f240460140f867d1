/**
 * Hostile and wrong input: each case is one line naming the file (and line), exit 1 (2 where the
 * command cannot start), no stack trace, generated/ byte-identical, and well within the time
 * limit (the alias bomb used to take two minutes and 4 GB).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefusal, expectUntouched, project, runLimited, type Project } from "./project.js";

const example = "openapi/components/examples/sales/SalesRecordNotFound.yaml";
const response = "openapi/components/responses/sales/Sales404.yaml";
const root = "openapi/sales/openapi.yaml";
const failed = /^error-contracts: build failed: 1 error; generated output left as it was$/;

/** Nine levels of nine aliases: 387 million nodes once expanded, 600 bytes on disk. */
const aliasBomb = () => {
  const lines = ["x-bomb:", '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `  a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
};

const cases: { name: string; change: (work: Project) => void; want: RegExp }[] = [
  {
    name: "a nine-level alias bomb in one component",
    change: (work) => work.edit(example, (text) => text + aliasBomb()),
    want: /^openapi\/components\/examples\/sales\/SalesRecordNotFound\.yaml:\d+:\d+ error bundle: YAML aliases expand it by more than 1,000,000 nodes/,
  },
  {
    name: "bytes that are not UTF-8",
    change: (work) =>
      work.write(
        example,
        Buffer.concat([Buffer.from("summary: Record n"), Buffer.from([0xff]), Buffer.from("t found\n")]),
      ),
    want: /^openapi\/components\/examples\/sales\/SalesRecordNotFound\.yaml:1:\d+ error bundle: not UTF-8: byte 0xFF at byte offset 17 \(line 1\)/,
  },
  {
    name: "a file over the size limit",
    change: (work) => work.write(example, `summary: x\ndescription: "${"a".repeat(65 * 1024 * 1024)}"\n`),
    want: /^openapi\/components\/examples\/sales\/SalesRecordNotFound\.yaml:1:1 error bundle: 65\.0 MiB is over the 64\.0 MiB limit for one file$/,
  },
  {
    name: "a document nested thousands deep",
    change: (work) => work.edit(example, (text) => `${text}x-deep: ${"[".repeat(5000)}${"]".repeat(5000)}\n`),
    want: /^openapi\/components\/examples\/sales\/SalesRecordNotFound\.yaml:\d+:\d+ error bundle: .*(nesting|nested)/,
  },
  {
    name: "an empty root",
    change: (work) => work.write(root, ""),
    want: /^openapi\/sales\/openapi\.yaml:1:1 error bundle: empty file: not an OpenAPI description$/,
  },
  {
    name: "a root that is not OpenAPI",
    change: (work) => work.write(root, "foo: 1\n"),
    want: /^openapi\/sales\/openapi\.yaml:1:1 error bundle: not an OpenAPI 3\.x description \(no "openapi: 3\.x" field\)$/,
  },
  {
    name: "a Swagger 2.0 root",
    change: (work) => work.write(root, 'swagger: "2.0"\ninfo: { title: Sales, version: "1" }\npaths: {}\n'),
    want: /^openapi\/sales\/openapi\.yaml:1:1 error bundle: OpenAPI 2\.0 \(swagger\) is not supported: convert it to OpenAPI 3\.x$/,
  },
  {
    name: "an empty component",
    change: (work) => work.write(example, ""),
    want: /^openapi\/components\/responses\/sales\/Sales404\.yaml:\d+:\d+ error bundle: broken \$ref: \.\.\/\.\.\/examples\/sales\/SalesRecordNotFound\.yaml: openapi\/components\/examples\/sales\/SalesRecordNotFound\.yaml is empty$/,
  },
  {
    name: "a JSON pointer that names nothing",
    change: (work) => work.edit(root, (text) => text.replace("Sales404.yaml", "Sales404.yaml#/nope")),
    want: /^openapi\/sales\/openapi\.yaml:\d+:\d+ error bundle: broken \$ref: \.\.\/components\/responses\/sales\/Sales404\.yaml#\/nope: openapi\/components\/responses\/sales\/Sales404\.yaml has no #\/nope$/,
  },
  {
    name: "a loop of $refs",
    change: (work) => {
      work.write("openapi/components/schemas/LoopA.yaml", "$ref: ./LoopB.yaml\n");
      work.write("openapi/components/schemas/LoopB.yaml", "$ref: ./LoopA.yaml\n");
      work.edit(response, (text) =>
        text.replace(/\$ref: \.\.\/\.\.\/schemas\/[^\n]+/, "$ref: ../../schemas/LoopA.yaml"),
      );
    },
    want: /^openapi\/components\/schemas\/LoopA\.yaml:1:1 error bundle: \$ref loop: openapi\/components\/schemas\/LoopA\.yaml → openapi\/components\/schemas\/LoopB\.yaml → openapi\/components\/schemas\/LoopA\.yaml: /,
  },
];

describe.each(cases)("build: $name", ({ change, want }) => {
  it("one line naming the file, exit 1, generated/ untouched, no leftovers", async () => {
    const work = project("faults-input");
    change(work);
    const run = await expectUntouched(work.out, () => runLimited(["build", "openapi", "--no-docs"], work.dir));
    expectRefusal(run, 1, [want, failed]);
    expect(work.leftovers()).toEqual([]);
  });
});

describe("lint and diff on the same hostile files", () => {
  it("lint rejects an alias bomb and a non-UTF-8 file in one line each", async () => {
    const work = project("faults-lint");
    work.edit(example, (text) => text + aliasBomb());
    work.write(
      "plain.yaml",
      Buffer.concat([Buffer.from('openapi: 3.1.0\ninfo: { title: "'), Buffer.from([0xc3, 0x28]), Buffer.from('" }\n')]),
    );
    const bomb = await runLimited(["lint", root], work.dir);
    expectRefusal(bomb, 2, [
      /^openapi\/components\/examples\/sales\/SalesRecordNotFound\.yaml:\d+:\d+ error bundle: YAML aliases expand it/,
      /^error-contracts: lint stopped: 1 error in openapi\/sales\/openapi\.yaml before linting$/,
    ]);
    const bytes = await runLimited(["lint", "plain.yaml"], work.dir);
    expectRefusal(bytes, 2, [/^error-contracts: plain\.yaml: not UTF-8: byte 0xC3 at byte offset 31 \(line 2\)/]);
    const folder = await runLimited(["lint", "openapi"], work.dir);
    expectRefusal(folder, 2, [
      /^error-contracts: openapi: is a folder: lint takes OpenAPI files, such as openapi\/<api>\/openapi\.yaml$/,
    ]);
  });

  it("diff rejects an alias bomb in the head in one line", async () => {
    const work = project("faults-diff");
    work.edit(example, (text) => text + aliasBomb());
    const run = await runLimited(["diff", "../generated/sales/openapi.yaml", "sales/openapi.yaml"], work.spec);
    expect(run.stderr).toMatch(/SalesRecordNotFound\.yaml:\d+:\d+ error bundle: YAML aliases expand it/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(2);
  });

  it("a line of several megabytes (a base64 example) builds and lints", async () => {
    const work = project("faults-long-line");
    const base64 = randomBytes(3 * 1024 * 1024).toString("base64");
    work.edit(example, (text) => text.replace(/activityId: \S+/, `activityId: ${base64}`));
    const build = await runLimited(["build", "openapi", "--no-docs"], work.dir);
    expect(build.stderr).toBe("");
    expect(build.stdout).toMatch(/^built 4 of 4 APIs/m);
    expect(fs.readFileSync(path.join(work.out, "sales", "openapi.yaml"), "utf8")).toContain(base64);
    const lint = await runLimited(["lint", root, "--format", "json"], work.dir);
    expect(lint.stderr).toMatch(/^no results in 1 file \(ruleset [^)]+\)\n$/);
    expect(lint.code).toBe(0);
  });
});
