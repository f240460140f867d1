import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

it("imports no framework and no Ajv at run time: its bundle holds only its own files", async () => {
  const result = await build({
    entryPoints: [path.join(here, "index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).map((file) => path.resolve(file));
  expect(inputs.length).toBeGreaterThan(5);
  for (const input of inputs) expect(path.relative(here, input), input).not.toMatch(/^\.\.|node_modules/);
  expect(result.outputFiles[0]!.text).not.toMatch(/\bimport\s*\(|from\s*["']/);
});
