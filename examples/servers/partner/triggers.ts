/** Requests that reach each documented error of the partner reference server, and one success per operation. */
import { FAULT_HEADER } from "../lib/reference-app.js";
import type { Trigger } from "../lib/trigger.js";

const customer = (customerId: string) => ({ path: { customerId } });
const ifMatch = (customerId: string, eTag: string) => ({ path: { customerId }, header: { "If-Match": eTag } });

export const successes: Trigger[] = [
  { why: "the customers", operation: "listCustomers" },
  { why: "a customer", operation: "getCustomer", params: customer("c-1") },
  { why: "a customer's usage", operation: "getCustomerUsage", params: customer("c-1") },
  { why: "a customer removed with its ETag", operation: "deleteCustomer", params: ifMatch("c-1", '"1"') },
];

export const triggers: Trigger[] = [
  { why: "no If-Match", operation: "deleteCustomer", params: customer("c-2") },
  { why: "no token", operation: "listCustomers", token: "none" },
  { why: "the low-rights token", operation: "getCustomer", params: customer("c-2"), token: "low" },
  { why: "an unknown customer", operation: "getCustomer", params: customer("c-404") },
  { why: "a customer that can't be removed", operation: "deleteCustomer", params: ifMatch("c-protected", '"2"') },
  { why: "an Accept the API can't serve", operation: "listCustomers", headers: { accept: "text/csv" } },
  { why: "a customer with subscriptions", operation: "deleteCustomer", params: ifMatch("c-active", '"3"') },
  { why: "a stale If-Match", operation: "deleteCustomer", params: ifMatch("c-active", '"1"') },
  { why: "usage in a cloud without it", operation: "getCustomerUsage", params: customer("c-sovereign") },
  ...[500, 502, 503, 504].map((status) => ({
    why: `the simulated fault ${status}`,
    operation: "getCustomer",
    params: customer("c-2"),
    headers: { [FAULT_HEADER]: String(status) },
  })),
  { why: "more than 50 requests in 10 s", operation: "listCustomers", repeat: 60 },
];

/** Real values of the path parameters no list operation gives (`error-contracts check --param name=value`). */
export const pathValues: Record<string, string> = {};
