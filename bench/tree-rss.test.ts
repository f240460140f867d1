import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { treeRss } from "./tree-rss.js";

describe("treeRss", () => {
  it("counts a process's children: a parent holding 200 MB in a child weighs more than itself", async () => {
    const script = `const { spawn } = require("node:child_process");
      const child = spawn(process.execPath, ["-e", "globalThis.b = Buffer.alloc(200 * 2 ** 20, 1); console.log('ready'); setTimeout(() => {}, 60000)"], { stdio: ["ignore", "pipe", "inherit"] });
      child.stdout.once("data", () => console.log(child.pid));
      process.on("SIGTERM", () => { child.kill(); process.exit(0); });`;
    const parent = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const childPid = Number(
        await new Promise<string>((resolve) => parent.stdout.once("data", (chunk) => resolve(String(chunk).trim()))),
      );
      const whole = treeRss(parent.pid!);
      const child = treeRss(childPid);
      expect(child).toBeGreaterThan(200 * 2 ** 20);
      expect(whole).toBeGreaterThan(child);
      expect(treeRss(2 ** 30)).toBe(0);
    } finally {
      parent.kill("SIGTERM");
    }
  });
});
