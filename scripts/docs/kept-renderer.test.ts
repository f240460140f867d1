import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { childrenMatching } from "../../test/helpers/cli.js";
import { keepDocsRenderer } from "./kept-renderer.js";

const redoclyConfig = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../redocly.yaml");
/** This process's rendering children. */
const renderers = () => childrenMatching("build-docs-process").split("\n").filter(Boolean);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("keepDocsRenderer", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kept-renderer-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is kept from one build to the next while its Redocly configuration stays the same", async () => {
    const config = path.join(dir, "redocly.yaml");
    fs.writeFileSync(config, fs.readFileSync(redoclyConfig, "utf8"));
    const kept = keepDocsRenderer();
    try {
      const first = kept.open(config);
      expect(kept.open(config)).toBe(first);
      expect(kept.keeps(first)).toBe(true);
      expect(first.running).toBe(true);
      const firstPid = renderers();
      fs.appendFileSync(config, "\nopenapi:\n  hideDownloadButtons: true\n");
      const second = kept.open(config);
      expect(second).not.toBe(first);
      expect(kept.keeps(first)).toBe(false);
      expect(first.running).toBe(false);
      // The replaced process is gone, the new one stands.
      for (const started = Date.now(); renderers().length !== 1 || renderers()[0] === firstPid[0]; await wait(10)) {
        if (Date.now() - started > 10_000) throw new Error(`still running: ${renderers()}`);
      }
      await second.close({ kill: true });
      expect(second.running).toBe(false);
      expect(kept.open(config)).not.toBe(second);
    } finally {
      await kept.close();
    }
    expect(renderers()).toEqual([]);
    // Closed, it keeps nothing: a build still running gets a renderer of its own.
    const late = kept.open(config);
    expect(kept.keeps(late)).toBe(false);
    await late.close();
  });
});
