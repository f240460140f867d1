/** Small real servers on 127.0.0.1 for the client tests: started on port 0, closed in teardown. */
import http from "node:http";
import net from "node:net";

export interface TestServer {
  url: string;
  /** Requests (or connections, for a raw server) received so far. */
  count: number;
  close(): Promise<void>;
}

function track(server: net.Server): { sockets: Set<net.Socket>; listen(): Promise<string>; close(): Promise<void> } {
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return {
    sockets,
    listen: () =>
      new Promise((resolve) => {
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`));
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Listens on 127.0.0.1, port 0, and hands back the server's URL, request count and close. */
export async function listen(server: net.Server, state: { count: number }): Promise<TestServer> {
  const tracked = track(server);
  const url = await tracked.listen();
  return {
    url,
    get count() {
      return state.count;
    },
    close: tracked.close,
  };
}

/** A node:http server; `handle` gets each request with its number (1, 2, …) and its body. */
export function startHttpServer(
  handle: (request: http.IncomingMessage, response: http.ServerResponse, n: number, body: string) => void,
): Promise<TestServer> {
  const state = { count: 0 };
  const server = http.createServer((request, response) => {
    const n = ++state.count;
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => handle(request, response, n, body));
  });
  return listen(server, state);
}

/** A node:net server that writes whatever bytes `handle` wants, once the request's head arrived. */
export function startRawServer(handle: (socket: net.Socket, n: number, head: string) => void): Promise<TestServer> {
  const state = { count: 0 };
  const server = net.createServer((socket) => {
    let head = "";
    let answered = false;
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      head += chunk.toString("latin1");
      if (answered || !head.includes("\r\n\r\n")) return;
      answered = true;
      handle(socket, ++state.count, head);
    });
  });
  return listen(server, state);
}
