/**
 * The sales extension's reference server: one CRM connection with a few records in memory, every
 * documented error from `generated/sales/server.ts`. The requests that reach each error: triggers.ts beside this file.
 */
import { ContractError, salesServer as kit } from "../../../generated/sales/server.js";
import { type ReferenceOptions, referenceApp } from "../lib/reference-app.js";

/** The CRM connection the reference tokens are signed in to, and its records by type and id. */
export const CONNECTION_ID = "contoso-crm";
export const RECORDS: Record<string, Record<string, { title: string }>> = {
  account: { "acc-1": { title: "Contoso Ltd" } },
  opportunity: { "opp-1": { title: "Contoso: 50 licenses" } },
};

export function createApp(options: ReferenceOptions = {}) {
  return referenceApp(
    kit,
    {
      unauthenticated: (_, { args }) => kit.create("INVALID_TOKEN_SPECIFIED", args),
      forbidden: ({ args, param }) =>
        kit.create("INSUFFICIENT_PERMISSIONS", {
          ...args,
          details: { resourceType: param("recordType"), resourceId: param("recordId") },
        }),
      throttled: (retryAfter, { args }) => kit.create("REQUEST_THROTTLED", { ...args, retryAfter }),
    },
    {
      getCrmRecord: ({ c, param, args }) => {
        if (param("connectionId") !== CONNECTION_ID)
          throw new ContractError(kit.create("INVALID_CRM_CONNECTION", args));
        const recordType = param("recordType");
        const recordId = param("recordId");
        const record = RECORDS[recordType]?.[recordId];
        if (!record)
          throw new ContractError(
            kit.create("RECORD_NOT_FOUND", { ...args, details: { resourceType: recordType, resourceId: recordId } }),
          );
        return c.json({ recordId, recordType, ...record });
      },
    },
    options,
  );
}
