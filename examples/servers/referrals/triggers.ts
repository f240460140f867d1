/** Requests that reach each documented error of the referrals reference server, and one success per operation. */
import { FAULT_HEADER } from "../lib/reference-app.js";
import type { Trigger } from "../lib/trigger.js";
import { ATTACHMENT, REFERRALS } from "./index.js";

const referral = (referralId: string) => ({ path: { referralId } });
const update = (referralId: string, eTag: string, header: Record<string, string> = {}) => ({
  path: { referralId },
  header: { "If-Match": eTag, ...header },
});
const attachment = { path: { referralId: ATTACHMENT.referralId, attachmentId: ATTACHMENT.attachmentId } };
const fault = (value: string): Trigger => ({
  why: `the simulated fault ${value}`,
  operation: "getReferral",
  params: referral(REFERRALS.active),
  headers: { [FAULT_HEADER]: value },
});

export const successes: Trigger[] = [
  { why: "a page of referrals", operation: "listReferrals", params: { query: { $top: 2 } } },
  {
    why: "a new referral",
    operation: "createReferral",
    body: { name: "Fabrikam", solutions: [{ type: "name", name: "CRM" }] },
  },
  { why: "a referral", operation: "getReferral", params: referral(REFERRALS.open) },
  {
    why: "a change with the current ETag",
    operation: "updateReferral",
    params: update(REFERRALS.active, '"1"'),
    body: { name: "Renamed" },
  },
  {
    why: "an invitation",
    operation: "inviteToReferral",
    params: referral(REFERRALS.open),
    body: { partnerTenantId: "t-2" },
  },
  { why: "an attachment", operation: "downloadAttachment", params: attachment },
  { why: "an attachment removed", operation: "deleteAttachment", params: attachment },
];

export const triggers: Trigger[] = [
  { why: "no If-Match", operation: "updateReferral", params: referral(REFERRALS.open), body: {} },
  { why: "$top of 0", operation: "listReferrals", params: { query: { $top: 0 } } },
  { why: "a token of another audience", operation: "listReferrals", token: { other: "graph-token" } },
  { why: "no name", operation: "createReferral", body: { qualification: "Warm" } },
  { why: "an unknown referral", operation: "getReferral", params: referral("r-404") },
  {
    why: "a change to its id",
    operation: "updateReferral",
    params: update(REFERRALS.open, '"1"'),
    body: { id: "r-9" },
  },
  {
    why: "a name set to null",
    operation: "updateReferral",
    params: update(REFERRALS.open, '"1"'),
    body: { name: null },
  },
  { why: "a stale If-Match", operation: "updateReferral", params: update(REFERRALS.open, '"0"'), body: { name: "x" } },
  {
    why: "an invitation to a closed referral",
    operation: "inviteToReferral",
    params: referral(REFERRALS.closed),
    body: { partnerTenantId: "t-2" },
  },
  {
    why: "a solution without a name",
    operation: "createReferral",
    body: { name: "Northwind", solutions: [{ type: "name" }] },
  },
  { why: "the low-rights token creating", operation: "createReferral", body: { name: "Litware" }, token: "low" },
  {
    why: "the low-rights token inviting",
    operation: "inviteToReferral",
    params: referral(REFERRALS.open),
    body: { partnerTenantId: "t-2" },
    token: "low",
  },
  {
    why: "a referral changed elsewhere",
    operation: "updateReferral",
    params: update(REFERRALS.contested, '"1"'),
    body: { name: "x" },
  },
  {
    why: "If-Unmodified-Since before its last change",
    operation: "updateReferral",
    params: update(REFERRALS.open, '"1"', { "If-Unmodified-Since": "Mon, 01 Jan 2024 00:00:00 GMT" }),
    body: { name: "x" },
  },
  {
    why: "activation without a qualification",
    operation: "updateReferral",
    params: update(REFERRALS.open, '"1"'),
    body: { status: "Active" },
  },
  { why: "the low-rights token reading", operation: "getReferral", params: referral(REFERRALS.open), token: "low" },
  {
    why: "an unknown attachment",
    operation: "downloadAttachment",
    params: { path: { referralId: REFERRALS.open, attachmentId: "a-404" } },
  },
  {
    why: "an If-Match that is no ETag",
    operation: "updateReferral",
    params: update(REFERRALS.open, "1"),
    body: { name: "x" },
  },
  {
    why: "an invitation to a referral changed elsewhere",
    operation: "inviteToReferral",
    params: referral(REFERRALS.contested),
    body: { partnerTenantId: "t-2" },
  },
  { why: "no token", operation: "listReferrals", token: "none" },
  ...["generalException", "99905", "99907", "99915", "99999", "serviceNotAvailable", "504", "509"].map(fault),
  { why: "a body that is not JSON", operation: "createReferral", text: "{name:" },
  { why: "a removed referral", operation: "getReferral", params: referral(REFERRALS.gone) },
  {
    why: "a change to a locked referral",
    operation: "updateReferral",
    params: update(REFERRALS.locked, '"1"'),
    body: { name: "x" },
  },
  { why: "a name taken", operation: "createReferral", body: { name: "Referral r-1" } },
  {
    why: "a Range past its end",
    operation: "downloadAttachment",
    params: attachment,
    headers: { range: "bytes=999-" },
  },
  {
    why: "an attachment of a closed referral",
    operation: "deleteAttachment",
    params: { path: { referralId: REFERRALS.closed, attachmentId: "a-1" } },
  },
  { why: "more than 50 requests in 10 s", operation: "listReferrals", repeat: 60 },
];

/** Real values of the path parameters no list operation gives (`error-contracts check --param name=value`). */
export const pathValues: Record<string, string> = { attachmentId: ATTACHMENT.attachmentId };
