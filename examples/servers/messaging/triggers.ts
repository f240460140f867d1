/** Requests that reach each documented error of the messaging reference server, and one success per operation. */
import { FAULT_HEADER } from "../lib/reference-app.js";
import type { Trigger } from "../lib/trigger.js";
import { CHANNELS, CONVERSATIONS, ORG_ID } from "./index.js";

const channel = { orgId: ORG_ID, channelId: CHANNELS.linked };
const open = { ...channel, conversationId: CONVERSATIONS.open };

export const successes: Trigger[] = [
  { why: "a page of conversations", operation: "listConversations", params: { path: channel, query: { pageSize: 1 } } },
  {
    why: "a new conversation",
    operation: "startConversation",
    params: { path: channel },
    body: { context: { a: "b" } },
  },
  { why: "the messages of a conversation", operation: "listMessages", params: { path: open } },
  { why: "a message", operation: "sendMessage", params: { path: open }, body: { text: "Hello" } },
];

export const triggers: Trigger[] = [
  { why: "no token", operation: "listConversations", params: { path: channel }, token: "none" },
  { why: "an unknown token", operation: "listConversations", params: { path: channel }, token: { other: "expired" } },
  {
    why: "an organization ID that is no UUID",
    operation: "listConversations",
    params: { path: { ...channel, orgId: "org-1" } },
  },
  { why: "an empty channel ID", operation: "listConversations", params: { path: { ...channel, channelId: "" } } },
  {
    why: "a closed conversation",
    operation: "sendMessage",
    params: { path: { ...open, conversationId: CONVERSATIONS.closed } },
    body: { text: "Hi" },
  },
  { why: "an unknown channel", operation: "listConversations", params: { path: { ...channel, channelId: "fax" } } },
  {
    why: "a conversation ID that is no UUID",
    operation: "listMessages",
    params: { path: { ...open, conversationId: "c-1" } },
  },
  {
    why: "`since` that is no date-time",
    operation: "listMessages",
    params: { path: open, query: { since: "yesterday" } },
  },
  {
    why: "a conversation page size of 251",
    operation: "listConversations",
    params: { path: channel, query: { pageSize: 251 } },
  },
  { why: "a message page size of 0", operation: "listMessages", params: { path: open, query: { pageSize: 0 } } },
  {
    why: "a continuation token this server never gave",
    operation: "listMessages",
    params: { path: open, query: { continuationToken: "forged" } },
  },
  {
    why: "101 context entries",
    operation: "startConversation",
    params: { path: channel },
    body: { context: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`key${i}`, "value"])) },
  },
  {
    why: "a text of 6,001 characters",
    operation: "sendMessage",
    params: { path: open },
    body: { text: "x".repeat(6001) },
  },
  { why: "a body that is not JSON", operation: "sendMessage", params: { path: open }, text: "{text:" },
  {
    why: "an unknown conversation",
    operation: "listMessages",
    params: { path: { ...open, conversationId: crypto.randomUUID() } },
  },
  {
    why: "a channel linked to no workstream",
    operation: "startConversation",
    params: { path: { ...channel, channelId: CHANNELS.unlinked } },
    body: {},
  },
  {
    why: "the simulated fault 30015",
    operation: "listConversations",
    params: { path: channel },
    headers: { [FAULT_HEADER]: "30015" },
  },
  { why: "a message with neither text nor attachments", operation: "sendMessage", params: { path: open }, body: {} },
  {
    why: "the simulated fault 503",
    operation: "sendMessage",
    params: { path: open },
    body: { text: "Hi" },
    headers: { [FAULT_HEADER]: "503" },
  },
  { why: "more than 50 requests in 10 s", operation: "listConversations", params: { path: channel }, repeat: 60 },
];

/** Real values of the path parameters no list operation gives (`error-contracts check --param name=value`). */
export const pathValues: Record<string, string> = { orgId: ORG_ID, channelId: CHANNELS.linked };
