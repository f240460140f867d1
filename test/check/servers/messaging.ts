/**
 * An omnichannel messaging server for the checker's tests: conforming (its validation follows
 * the contract's `x-error-code`s), unless a defect is switched on, each breaking one rule.
 * Organization `ORG`, channel `web`; `Bearer test-token` is the one token it takes.
 * `start…` is one long function on purpose: its handlers, one per operation, close over the defect switch.
 */
import type http from "node:http";
import { createMessagingKit } from "../../../generated/messaging/server.js";
import { startHttpServer, type TestServer } from "../../helpers/servers.js";
import { type Answer, acceptsJson, fromKit, json, parseJson, rights, write } from "./respond.js";

export type MessagingDefect =
  | "json-not-problem"
  | "no-correlation-header"
  | "problem-status-lies"
  | "unknown-code"
  | "code-with-wrong-status"
  | "wrong-code-for-constraint"
  | "invalid-input-accepted"
  | "error-on-malformed-json"
  | "undocumented-403";

export const ORG = "11111111-1111-4111-8111-111111111111";
const CONVERSATION = "22222222-2222-4222-8222-222222222222";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const kit = createMessagingKit({ validate: true });

type Code = Parameters<typeof kit.create>[0];

export function startMessaging(defect?: MessagingDefect): Promise<TestServer> {
  return startHttpServer((request, response, _n, body) => write(response, finish(answer(request, body))));

  /** What the defects change in every error response. */
  function finish(a: Answer): Answer {
    if (a.status < 400) return a;
    const headers = { ...a.headers };
    if (defect === "json-not-problem") headers["content-type"] = "application/json";
    if (defect === "no-correlation-header") delete headers["x-ms-correlation-id"];
    let body = a.body;
    if (defect === "problem-status-lies") body = JSON.stringify({ ...JSON.parse(body), status: 500 });
    return { ...a, headers, body };
  }

  function fail(code: Code): Answer {
    if (defect === "unknown-code" && code === 30007)
      return { ...fromKit(kit.create(30007)), body: JSON.stringify({ ...kit.create(30007).body, code: 30099 }) };
    if (defect === "code-with-wrong-status" && code === 30011)
      return {
        ...fromKit(kit.create(30011)),
        status: 404,
        body: JSON.stringify({ ...kit.create(30011).body, status: 404 }),
      };
    if (defect === "wrong-code-for-constraint" && code === 30007) return fromKit(kit.create(30008));
    return fromKit(kit.create(code));
  }

  function answer(request: http.IncomingMessage, body: string): Answer {
    const url = new URL(request.url ?? "/", "http://x");
    const method = request.method ?? "GET";
    const auth = rights(request);
    if (auth === "none") {
      if (defect === "undocumented-403" && request.headers.authorization) return json(403, { title: "Forbidden" });
      return fromKit(kit.forStatus(401));
    }
    if (!acceptsJson(request.headers.accept)) return fromKit(kit.create(30003));
    const parts = url.pathname.split("/").filter(Boolean);
    // organizations/{orgId}/channels/{channelId}/conversations[/{conversationId}/messages]
    if (parts[0] !== "organizations" || parts[2] !== "channels" || parts[4] !== "conversations") return fail(30004);
    if (parts.length !== 5 && !(parts.length === 7 && parts[6] === "messages")) return fail(30004);
    if (!UUID.test(parts[1]!)) return fail(30001);
    if (!parts[3]) return fail(30002);
    if (parts[1] !== ORG || parts[3] !== "web") return fail(30004);
    if (parts.length === 7) {
      if (!UUID.test(parts[5]!)) return fail(30005);
      if (parts[5] !== CONVERSATION) return fail(30013);
      return method === "GET" ? listMessages(url) : method === "POST" ? sendMessage(body) : fail(30003);
    }
    return method === "GET" ? listConversations(url) : method === "POST" ? startConversation(body) : fail(30003);
  }

  /** A query integer within bounds, or the code for it. */
  function pageSize(url: URL, max: number, code: Code): Answer | undefined {
    const raw = url.searchParams.get("pageSize");
    if (raw === null) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > max) {
      if (defect === "invalid-input-accepted") return undefined;
      return fail(code);
    }
    return undefined;
  }

  function continuation(url: URL): Answer | undefined {
    return url.searchParams.get("continuationToken") === "" ? fail(30009) : undefined;
  }

  function listConversations(url: URL): Answer {
    const refused = pageSize(url, 250, 30007) ?? continuation(url);
    if (refused) return refused;
    return json(200, {
      conversations: [{ conversationId: CONVERSATION, createdAt: "2026-01-01T00:00:00Z" }],
      continuationToken: null,
    });
  }

  function listMessages(url: URL): Answer {
    const since = url.searchParams.get("since");
    if (since !== null && Number.isNaN(Date.parse(since))) return fail(30006);
    const refused = pageSize(url, 100, 30008) ?? continuation(url);
    if (refused) return refused;
    return json(200, { messages: [], continuationToken: null });
  }

  /** The body as a JSON object, or the malformed-body answer. */
  function objectBody(body: string): { value: Record<string, unknown> } | { refused: Answer } {
    const parsed = parseJson(body);
    if (parsed && typeof parsed.value === "object" && parsed.value !== null && !Array.isArray(parsed.value))
      return { value: parsed.value as Record<string, unknown> };
    if (defect === "error-on-malformed-json" && body !== "") return { refused: fromKit(kit.create(30015)) };
    return { refused: fail(30012) };
  }

  function startConversation(body: string): Answer {
    const read = objectBody(body);
    if ("refused" in read) return read.refused;
    const context = read.value.context;
    if (context !== undefined) {
      const ok =
        typeof context === "object" &&
        context !== null &&
        !Array.isArray(context) &&
        Object.keys(context).length <= 100 &&
        Object.values(context).every((v) => typeof v === "string");
      if (!ok) return fail(30010);
    }
    return json(201, { conversationId: CONVERSATION, createdAt: "2026-01-01T00:00:00Z", status: "open" });
  }

  function sendMessage(body: string): Answer {
    const read = objectBody(body);
    if ("refused" in read) return read.refused;
    const { text, attachments } = read.value;
    if (text !== undefined && (typeof text !== "string" || text.length > 6000)) return fail(30011);
    if (attachments !== undefined) {
      if (!Array.isArray(attachments)) return fail(30016);
      const ok = attachments.every(
        (a) =>
          typeof a === "object" && a !== null && typeof a.contentType === "string" && typeof a.contentUrl === "string",
      );
      if (!ok) return fail(30012);
    }
    if (text === undefined && attachments === undefined) return fail(30016);
    return json(201, { messageId: "m-1", sentAt: "2026-01-01T00:00:00Z" });
  }
}
