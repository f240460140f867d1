/**
 * Type tests of request bodies, compiled by `tsc --noEmit` (in `npm test`). Never run: every
 * assertion is a type that must compile, or a line that must not (`@ts-expect-error`).
 *
 * A body the contract limits to "text, attachments or both" (`anyOf` of `required`) is typed as
 * such; no request body of the four APIs is `unknown`, wholly or in any member.
 */
import { createMessagingClient, type operations as MessagingOperations } from "../../generated/messaging/client.js";
import type { operations as PartnerOperations } from "../../generated/partner/client.js";
import type { operations as ReferralsOperations } from "../../generated/referrals/client.js";
import type { operations as SalesOperations } from "../../generated/sales/client.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

/** Whether `unknown` is `T` or sits anywhere in it (members, array items, union members). */
type HasUnknown<T> = unknown extends T
  ? true
  : T extends readonly (infer Item)[]
    ? HasUnknown<Item>
    : T extends object
      ? true extends { [K in keyof T]-?: HasUnknown<T[K]> }[keyof T]
        ? true
        : false
      : false;
/** The body types an operation accepts, one per media type. */
type BodiesOf<Op> = Op extends { requestBody?: infer Body }
  ? Body extends { content: infer Content }
    ? Content[keyof Content]
    : never
  : never;
/** The operations of an API whose request body has `unknown` in it. */
type UntypedBodies<Ops> = { [Id in keyof Ops]: true extends HasUnknown<BodiesOf<Ops[Id]>> ? Id : never }[keyof Ops];

// The check itself can fail: a body with an unknown member is found.
assertType<Equal<UntypedBodies<{ op: { requestBody: { content: { "application/json": { a: unknown } } } } }>, "op">>();
assertType<Equal<UntypedBodies<MessagingOperations>, never>>();
assertType<Equal<UntypedBodies<PartnerOperations>, never>>();
assertType<Equal<UntypedBodies<ReferralsOperations>, never>>();
assertType<Equal<UntypedBodies<SalesOperations>, never>>();

export async function sendMessage(baseUrl: string): Promise<void> {
  const client = createMessagingClient({ baseUrl });
  const params = { path: { orgId: "o", channelId: "c", conversationId: "v" } };
  const route = "/organizations/{orgId}/channels/{channelId}/conversations/{conversationId}/messages";
  await client.POST(route, { params, body: { text: "Hello" } });
  await client.POST(route, {
    params,
    body: { attachments: [{ contentType: "image/png", contentUrl: "https://x/a" }] },
  });
  await client.POST(route, { params, body: { text: "See", attachments: [] } });
  // @ts-expect-error text is a string
  await client.POST(route, { params, body: { text: 1 } });
  // @ts-expect-error a message carries text, attachments or both
  await client.POST(route, { params, body: {} });
}
