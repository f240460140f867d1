import http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { Contract } from "./contract.js";
import { operationFor } from "./match.js";
import type { Exchange, Finding } from "./model.js";
import { Session } from "./session.js";

/** Hop-by-hop headers (RFC 9110, section 7.6.1): not forwarded either way. */
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

export interface Proxy {
  url: string;
  session: Session;
  /** Exchanges no operation of the contract is for (forwarded, not judged). */
  unmatched: number;
  close(): Promise<void>;
}

/** The request's bytes, to the end. */
function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

type ProxyOptions = {
  port?: number;
  host?: string;
  only?: string[];
  onFinding?: (finding: Finding) => void;
  /** Called with each exchange that passed (for a HAR of the traffic). */
  onExchange?: (exchange: Exchange) => void;
  /** Called with each exchange no operation of the contract is for. */
  onUnmatched?: (exchange: Omit<Exchange, "operation">) => void;
};

/** The server's answer: status, the headers to pass on (raw, hop-by-hop left out) and as a record, the body. */
async function answerOf(answer: http.IncomingMessage) {
  const bytes = await readAll(answer);
  const raw: string[] = [];
  const headers: Record<string, string> = {};
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    const name = answer.rawHeaders[i]!;
    const value = answer.rawHeaders[i + 1]!;
    if (HOP.has(name.toLowerCase())) continue;
    raw.push(name, value);
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  return { status: answer.statusCode ?? 502, message: answer.statusMessage, raw, headers, bytes };
}

/** Forwards one request to the target and its answer back, then judges the exchange. */
function forwarder(contract: Contract, target: string, session: Session, options: ProxyOptions): http.RequestListener {
  const base = new URL(target);
  const client = base.protocol === "https:" ? https : http;
  return async (request, response) => {
    const body = await readAll(request);
    const url = new URL(`${base.pathname.replace(/\/$/, "")}${request.url ?? "/"}`, base.origin);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (HOP.has(name) || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    headers.host = url.host;
    const method = request.method ?? "GET";
    const upstream = client.request(url, { method, headers, agent: false }, async (raw) => {
      const answer = await answerOf(raw);
      response.writeHead(answer.status, answer.message, answer.raw);
      response.end(answer.bytes);
      const operation = operationFor(contract, method, url.href);
      const sent = { method, url: url.href, headers, ...(body.length ? { body: body.toString("utf8") } : {}) };
      const received = { status: answer.status, headers: answer.headers, body: answer.bytes.toString("utf8") };
      if (!operation) return options.onUnmatched?.({ request: sent, response: received });
      const exchange: Exchange = { request: sent, response: received, operation };
      for (const finding of session.judge(exchange)) options.onFinding?.(finding);
      options.onExchange?.(exchange);
    });
    upstream.on("error", (error) => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(`error-contracts proxy: ${target} did not answer: ${error.message}\n`);
    });
    upstream.end(body);
  };
}

/**
 * A proxy between a client and the server at `target`: each request forwarded with its method,
 * path (under the target's base path), headers and body; the server's status, headers and body
 * bytes sent back as they came (only hop-by-hop headers are not passed on). Every response is
 * then judged by check's rules, and each new finding handed to `onFinding` as it passes; an exchange no
 * operation of the contract is for is counted (`unmatched`) and handed to `onUnmatched`.
 */
export async function startProxy(contract: Contract, target: string, options: ProxyOptions = {}): Promise<Proxy> {
  const session = new Session(contract, options.only);
  let unmatched = 0;
  const counted: ProxyOptions = {
    ...options,
    onUnmatched: (exchange) => {
      unmatched++;
      options.onUnmatched?.(exchange);
    },
  };
  const server = http.createServer(forwarder(contract, target, session, counted));
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://${host}:${port}`,
    session,
    get unmatched() {
      return unmatched;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
