import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the files under `root` (read on each request, so a rebuild shows at once) on
 * `host:port`; port 0 picks a free one. GET and HEAD only; nothing outside `root`.
 */
export function serveStatic(options: { root: string; host?: string; port?: number }): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const server = http.createServer((request, response) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
    let relative: string;
    try {
      relative = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      return send(400, "Bad Request\n");
    }
    let file = path.join(root, relative);
    if (relative.includes("\0") || (file !== root && !file.startsWith(root + path.sep)))
      return send(404, "Not Found\n");
    fs.stat(file, (error, stat) => {
      // A folder without its slash: its page's relative links would resolve one level up.
      const url = new URL(request.url ?? "/", "http://localhost");
      if (!error && stat.isDirectory() && !url.pathname.endsWith("/")) {
        return send(301, "Moved Permanently\n", { Location: `${url.pathname}/${url.search}` });
      }
      if (!error && stat.isDirectory()) file = path.join(file, "index.html");
      fs.readFile(file, (readError, body) => {
        if (readError) return send(404, "Not Found\n");
        response.writeHead(200, {
          "Content-Type": types[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "Content-Length": String(body.length),
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
          "Referrer-Policy": "no-referrer",
        });
        response.end(request.method === "HEAD" ? undefined : body);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(":") ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
