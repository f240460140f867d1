/** Requests that reach each documented error of the sales reference server, and its success. */
import { FAULT_HEADER } from "../lib/reference-app.js";
import type { Trigger } from "../lib/trigger.js";
import { CONNECTION_ID } from "./index.js";

const record = { connectionId: CONNECTION_ID, recordType: "account", recordId: "acc-1" };

export const successes: Trigger[] = [{ why: "a record", operation: "getCrmRecord", params: { path: record } }];

export const triggers: Trigger[] = [
  { why: "no token", operation: "getCrmRecord", params: { path: record }, token: "none" },
  {
    why: "a connection the user is not signed in to",
    operation: "getCrmRecord",
    params: { path: { ...record, connectionId: "fabrikam-crm" } },
  },
  { why: "the low-rights token", operation: "getCrmRecord", params: { path: record }, token: "low" },
  { why: "an unknown record", operation: "getCrmRecord", params: { path: { ...record, recordId: "acc-404" } } },
  {
    why: "the simulated fault INTERNAL_SERVER_ERROR",
    operation: "getCrmRecord",
    params: { path: record },
    headers: { [FAULT_HEADER]: "INTERNAL_SERVER_ERROR" },
  },
  { why: "more than 50 requests in 10 s", operation: "getCrmRecord", params: { path: record }, repeat: 60 },
];

/** Real values of the path parameters no list operation gives (`error-contracts check --param name=value`). */
export const pathValues: Record<string, string> = {
  connectionId: CONNECTION_ID,
  recordType: "account",
  recordId: "acc-1",
};
