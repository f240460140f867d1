import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A module of this repo as a consumer runs it: bundled by esbuild (the workspace packages from their
 * sources, `external` left to node_modules) into node_modules/.cache, so that what is external
 * resolves, and imported. Not through tsx, whose transform adds work of its own.
 */
export async function bundled<T>(name: string, contents: string, external: string[] = []): Promise<T> {
  const outfile = path.join(root, "node_modules", ".cache", "error-contracts-bench", `${name}.mjs`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    conditions: ["@error-contracts/source"],
    format: "esm",
    platform: "node",
    target: "es2022",
    external,
    outfile,
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}
