import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

export interface MockServer {
  /** Where Prism listens, such as `http://127.0.0.1:4010`. */
  url: string;
  child: ChildProcess;
  /** Everything Prism printed so far. */
  output(): string;
  /** Stops Prism; resolves once it has exited. */
  close(): Promise<void>;
}

export interface MockOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1: the mock is for this machine only. */
  host?: string;
  /** How long Prism may take to start. Default 30 s. */
  startupMs?: number;
  /** Receives Prism's output as it comes. */
  onOutput?: (chunk: string) => void;
}

/** The Prism CLI's entry point, or a one-line explanation of why there is none. */
export function prismBin(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json");
    return path.join(path.dirname(manifest), "dist", "index.js");
  } catch {
    throw new Error("Prism is not installed: npm install --save-dev @stoplight/prism-cli");
  }
}

/**
 * Starts `prism mock` on a bundled API and resolves once it listens. Every documented
 * example can then be asked for with `Prefer: code=<status>, example=<name>` (and an
 * `Authorization: Bearer …` header, since the APIs declare bearer auth).
 */
export function startMock(spec: string, options: MockOptions = {}): Promise<MockServer> {
  const { port = 4010, host = "127.0.0.1", startupMs = 30_000, onOutput } = options;
  const child = spawn(process.execPath, [prismBin(), "mock", spec, "-p", String(port), "-h", host], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      // Prism may linger on open connections: make sure it ends.
      const force = setTimeout(() => child.kill("SIGKILL"), 2000);
      await exited;
      clearTimeout(force);
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void close();
      const lastLine = output.trim().split("\n").filter(Boolean).at(-1) ?? "";
      reject(
        new Error(`prism mock ${spec}: ${message}${lastLine ? `: ${lastLine.replace(/^.*›\s*/, "").trim()}` : ""}`),
      );
    };
    const timer = setTimeout(() => fail(`did not start within ${startupMs} ms`), startupMs);
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      onOutput?.(text);
      const listening = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ url: listening[1]!.replace(/\/$/, ""), child, output: () => output, close });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code) => fail(`exited with code ${code}`));
  });
}
