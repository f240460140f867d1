#!/usr/bin/env node
// @ts-check
// The error-contracts command. Its code is TypeScript (scripts/). It runs as JavaScript that
// esbuild bundles from scripts/ on first use and keeps in the cache
// (node_modules/.cache/error-contracts/cli-<hash>/, split where scripts/ imports lazily, so that
// a command loads only its own tools) until a file it was made from, esbuild or Node changes:
// going through tsx's hooks for every module cost about a second a build. Where the bundle
// cannot be made or written, the sources run through tsx as before; DEBUG=1 says why.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "scripts", "cli.ts");
// Inside the toolkit's node_modules, so that the bundle's imports of packages resolve as the sources' do.
const cacheDir = path.join(root, "node_modules", ".cache", "error-contracts");
/** Which bundle is current, and the hash of every file it was made from. */
const pointer = path.join(cacheDir, "cli.json");

/** @param {string} file */
const hashOf = (file) => {
  try {
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
};

/** The bundle the pointer names, while its inputs hash as recorded. */
function current(/** @type {string} */ key) {
  try {
    const { dir, inputs, made } = JSON.parse(fs.readFileSync(pointer, "utf8"));
    const out = path.join(cacheDir, dir, "cli.mjs");
    if (made !== key || !fs.existsSync(out)) return undefined;
    return Object.entries(inputs).every(([file, hash]) => hashOf(path.join(root, file)) === hash) ? out : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The CLI bundled from the current sources, or undefined where that cannot be done. (Over 60 lines
 * as one job: esbuild's options, then writing the bundle and its pointer, in one plain-JS file that
 * runs before any TypeScript can.)
 */
async function bundled() {
  try {
    const esbuild = await import("esbuild");
    const key = `esbuild ${esbuild.version}, node ${process.version}, ${root}`;
    const ready = current(key);
    if (ready) return ready;
    const result = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      splitting: true,
      outdir: cacheDir,
      outExtension: { ".js": ".mjs" },
      metafile: true,
      write: false,
      logLevel: "silent",
      plugins: [
        {
          // Each module keeps its own location: paths it finds from import.meta.url stay right.
          name: "own-import-meta-url",
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, (args) => ({
              contents: fs
                .readFileSync(args.path, "utf8")
                .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
              loader: "ts",
            }));
          },
        },
      ],
    });
    const inputs = Object.fromEntries(
      Object.keys(result.metafile.inputs).map((file) => [file, hashOf(path.join(root, file))]),
    );
    const dir = `cli-${createHash("sha256")
      .update(JSON.stringify([key, inputs]))
      .digest("hex")
      .slice(0, 16)}`;
    const temporary = path.join(cacheDir, `${dir}.${process.pid}.tmp`);
    fs.mkdirSync(temporary, { recursive: true });
    for (const file of result.outputFiles)
      fs.writeFileSync(path.join(temporary, path.relative(cacheDir, file.path)), file.text);
    try {
      fs.renameSync(temporary, path.join(cacheDir, dir));
    } catch {
      fs.rmSync(temporary, { recursive: true, force: true }); // another run made the same bundle first
    }
    const pointerTemporary = `${pointer}.${process.pid}.tmp`;
    fs.writeFileSync(pointerTemporary, JSON.stringify({ dir, made: key, inputs }));
    fs.renameSync(pointerTemporary, pointer);
    // Older bundles go after a day: a command still running may load a chunk from its own.
    for (const old of fs.readdirSync(cacheDir)) {
      const other = path.join(cacheDir, old);
      if (/^cli-[0-9a-f]{16}$/.test(old) && old !== dir && Date.now() - fs.statSync(other).mtimeMs > 86_400_000)
        fs.rmSync(other, { recursive: true, force: true });
    }
    return path.join(cacheDir, dir, "cli.mjs");
  } catch (error) {
    if (process.env.DEBUG) console.error("error-contracts: running through tsx:", error);
    return undefined;
  }
}

const cli = await bundled();
if (cli) {
  await import(pathToFileURL(cli).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../scripts/cli.ts");
}
