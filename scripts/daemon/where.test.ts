import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { daemonKey, daemonWanted, socketPath } from "./where.js";

describe("daemonWanted", () => {
  it.each([
    { given: {}, noDaemon: false, want: true },
    { given: {}, noDaemon: true, want: false },
    { given: { ERROR_CONTRACTS_DAEMON: "off" }, noDaemon: false, want: false },
    { given: { ERROR_CONTRACTS_DAEMON: "0" }, noDaemon: false, want: false },
    { given: { CI: "true" }, noDaemon: false, want: false },
    { given: { CI: "1", ERROR_CONTRACTS_DAEMON: "on" }, noDaemon: false, want: true },
    { given: { CI: "false" }, noDaemon: false, want: true },
    { given: { ERROR_CONTRACTS_DAEMON: "on" }, noDaemon: true, want: false },
  ])("$given, --no-daemon $noDaemon → $want", ({ given, noDaemon, want }) => {
    expect(daemonWanted(noDaemon, given)).toBe(want);
  });
});

describe("socketPath", () => {
  it("is a socket in a folder only this user may enter, made if missing", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "where-")), "sockets");
    const socket = socketPath({ ERROR_CONTRACTS_DAEMON_DIR: dir })!;
    expect(path.dirname(socket)).toBe(dir);
    expect(socket).toMatch(/error-contracts-[0-9a-f]{16}\.sock$/);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it("is none where others may enter the folder, or it is a link", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "where-"));
    const open = path.join(parent, "open");
    fs.mkdirSync(open, { mode: 0o777 });
    fs.chmodSync(open, 0o777);
    const link = path.join(parent, "link");
    const own = path.join(parent, "own");
    fs.mkdirSync(own, { mode: 0o700 });
    fs.symlinkSync(own, link);
    expect(socketPath({ ERROR_CONTRACTS_DAEMON_DIR: open })).toBeUndefined();
    expect(socketPath({ ERROR_CONTRACTS_DAEMON_DIR: link })).toBeUndefined();
    fs.rmSync(parent, { recursive: true });
  });
});

describe("daemonKey", () => {
  it("is the same for the same code, tools and Node", () => {
    expect(daemonKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(daemonKey()).toBe(daemonKey());
  });
});

describe("daemonKey of a toolkit folder", () => {
  it("changes with any file of its code a build runs, not with a test", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "where-key-"));
    const files = [
      "package.json",
      "bin/error-contracts.js",
      "scripts/cli.ts",
      "src/openapi/catalog.js",
      "spectral/functions/rule.js",
    ];
    for (const file of [...files, "scripts/cli.test.ts"]) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), "// v1\n");
    }
    const keys = new Set([daemonKey(root)]);
    fs.writeFileSync(path.join(root, "scripts/cli.test.ts"), "// v2\n");
    expect(daemonKey(root)).toBe([...keys][0]);
    for (const file of files) {
      fs.writeFileSync(path.join(root, file), "// v2\n");
      keys.add(daemonKey(root));
    }
    expect(keys.size).toBe(files.length + 1);
    fs.rmSync(root, { recursive: true });
  });
});
