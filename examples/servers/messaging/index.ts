/**
 * The messaging API's reference server: conversations and messages in memory, every documented
 * error from `generated/messaging/server.ts`. The requests that reach each error: triggers.ts beside this file.
 */
import { ContractError, messagingServer as kit } from "../../../generated/messaging/server.js";
import { type Call, type ReferenceOptions, referenceApp } from "../lib/reference-app.js";

/** The one organization, and its channels: `web` is linked to a workstream, `sms` is not. */
export const ORG_ID = "6f1c2b1e-5a7d-4f44-9a51-2f8e1c0d9b3a";
export const CHANNELS = { linked: "web", unlinked: "sms" } as const;
/** Seeded conversations on `web`: an open one with two messages, and a closed one. */
export const CONVERSATIONS = {
  open: "2d9c4a3e-8b1f-4c6d-9e2a-7f5b3c1d0e4f",
  closed: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
} as const;

interface Conversation {
  conversationId: string;
  channelId: string;
  createdAt: string;
  status: "open" | "closed";
  context: Record<string, string>;
  messages: { messageId: string; sentAt: string; text?: string; attachments?: unknown[] }[];
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one closure, the conversations and the operations on them share it
export function createApp(options: ReferenceOptions = {}) {
  const now = () => new Date().toISOString();
  const conversations = new Map<string, Conversation>();
  const seed = (conversationId: string, status: Conversation["status"], texts: string[]) =>
    conversations.set(conversationId, {
      conversationId,
      channelId: CHANNELS.linked,
      createdAt: now(),
      status,
      context: {},
      messages: texts.map((text) => ({ messageId: crypto.randomUUID(), sentAt: now(), text })),
    });
  seed(CONVERSATIONS.open, "open", ["Hello", "How can I help?"]);
  seed(CONVERSATIONS.closed, "closed", ["Goodbye"]);
  /** Continuation tokens this server gave out, with the offset each continues at. */
  const tokens = new Map<string, number>();

  /** The channel of the request, or the documented error: an unknown organization or channel. */
  const channelOf = ({ param, args }: Call) => {
    if (param("orgId") !== ORG_ID) throw new ContractError(kit.create(30001, args));
    const channelId = param("channelId");
    if (channelId !== CHANNELS.linked && channelId !== CHANNELS.unlinked)
      throw new ContractError(kit.create(30004, args));
    return channelId;
  };
  const conversationOf = (call: Call) => {
    const channelId = channelOf(call);
    const found = conversations.get(call.param("conversationId"));
    if (!found || found.channelId !== channelId) throw new ContractError(kit.create(30013, call.args));
    return found;
  };
  const page = <T>({ query, args }: Call, all: T[]) => {
    const token = query.get("continuationToken");
    const start = token === null ? 0 : tokens.get(token);
    if (start === undefined) throw new ContractError(kit.create(30009, args));
    const end = start + Number(query.get("pageSize") ?? 20);
    const next = end < all.length ? crypto.randomUUID() : null;
    if (next) tokens.set(next, end);
    return { items: all.slice(start, end), continuationToken: next };
  };
  const view = ({ messages: _, channelId: __, ...conversation }: Conversation) => conversation;

  return referenceApp(
    kit,
    {
      unauthenticated: (_, { args }) => kit.forStatus(401, args),
      throttled: (retryAfter, { args }) => kit.forStatus(429, { ...args, retryAfter }),
      unsupportedMethod: (args) => kit.create(30003, args),
    },
    {
      listConversations: (call) => {
        const channelId = channelOf(call);
        const all = [...conversations.values()].filter((c) => c.channelId === channelId).map(view);
        const { items, continuationToken } = page(call, all);
        return call.c.json({ conversations: items, continuationToken });
      },
      startConversation: (call) => {
        if (channelOf(call) === CHANNELS.unlinked) throw new ContractError(kit.create(30014, call.args));
        const body = call.body as { context?: Record<string, string> };
        const conversation: Conversation = {
          conversationId: crypto.randomUUID(),
          channelId: CHANNELS.linked,
          createdAt: now(),
          status: "open",
          context: body.context ?? {},
          messages: [],
        };
        conversations.set(conversation.conversationId, conversation);
        return call.c.json(view(conversation), 201);
      },
      listMessages: (call) => {
        const conversation = conversationOf(call);
        const since = call.query.get("since");
        const messages = conversation.messages.filter((m) => !since || Date.parse(m.sentAt) >= Date.parse(since));
        const { items, continuationToken } = page(call, messages);
        return call.c.json({ messages: items, continuationToken });
      },
      sendMessage: (call) => {
        const conversation = conversationOf(call);
        if (conversation.status === "closed") throw new ContractError(kit.create(30003, call.args));
        const { text, attachments } = call.body as { text?: string; attachments?: unknown[] };
        const message = { messageId: crypto.randomUUID(), sentAt: now(), text, attachments };
        conversation.messages.push(message);
        return call.c.json(message, 201);
      },
    },
    options,
  );
}
