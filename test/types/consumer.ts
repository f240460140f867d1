/**
 * Type tests: a consumer of each generated client, compiled by `tsc --noEmit --strict` (in
 * `npm test`, and against the packed package in test/consumer.test.ts, which rewrites these
 * imports to `error-contracts/<api>`). Never run: every assertion is a type that must compile,
 * or a line that must not (`@ts-expect-error`).
 */
import { createApiClient, type ApiError, type LooseCode } from "@error-contracts/runtime";
import {
  createMessagingClient,
  isMessagingError,
  type messagingErrors,
  type MessagingApiError,
  type MessagingErrorBody,
  type MessagingErrorCode,
} from "../../generated/messaging/client.js";
import {
  createPartnerClient,
  isPartnerError,
  type PartnerErrorBody,
  type PartnerErrorCode,
} from "../../generated/partner/client.js";
import {
  createReferralsClient,
  type referralsErrors,
  type components as ReferralsComponents,
  type ReferralsErrorBody,
  type ReferralsErrorCode,
  type ReferralsOperationError,
} from "../../generated/referrals/client.js";
import {
  createSalesClient,
  isSalesError,
  type salesErrors,
  type SalesErrorBody,
  type SalesErrorCode,
} from "../../generated/sales/client.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// Codes: literal unions in their wire types, from the catalog.
assertType<Equal<Extract<MessagingErrorCode, 30011>, 30011>>();
assertType<Equal<Extract<MessagingErrorCode, string>, never>>();
assertType<Equal<Extract<ReferralsErrorCode, "99910" | "invalidRequest">, "99910" | "invalidRequest">>();
assertType<Equal<Extract<ReferralsErrorCode, number>, never>>();
// @ts-expect-error 99999 is no messaging code
const notACode: MessagingErrorCode = 99999;
// @ts-expect-error referrals codes travel as strings
const notAString: ReferralsErrorCode = 99910;
// The catalog objects are `as const`: literal messages and retryability.
assertType<Equal<(typeof messagingErrors)[30011]["retryable"], false>>();
assertType<Equal<(typeof referralsErrors)["99906"]["kind"], "innerCode">>();
assertType<Equal<keyof typeof salesErrors, SalesErrorCode>>();

export async function referrals(baseUrl: string): Promise<string> {
  const client = createReferralsClient({ baseUrl, retries: 1, knownCodes: ["99910", "invalidRequest"] });
  const { data, error, response } = await client.GET("/referrals/{referralId}", {
    params: { path: { referralId: "r-1" } },
    timeoutMs: 5000,
  });
  assertType<Equal<typeof response, Response>>();
  if (error) {
    assertType<Equal<typeof data, undefined>>();
    assertType<Equal<typeof error.code, LooseCode<ReferralsErrorCode> | undefined>>();
    assertType<Equal<typeof error.specificCode, LooseCode<ReferralsErrorCode> | undefined>>();
    // Narrowing on status gives that status's documented body.
    if (error.status === 404) {
      assertType<Equal<typeof error.status, 404>>();
      assertType<Equal<typeof error.body, ReferralsErrorBody | undefined>>();
      return error.body?.error.innerError?.code ?? error.message;
    }
    // An undocumented status (or none: 0) has no typed body.
    if (error.status === 502) assertType<Equal<typeof error.body, undefined>>();
    // 412 is documented for PATCH, not for GET.
    if (error.status === 412) assertType<Equal<typeof error.body, undefined>>();
    if (error.specificCode === "99910") return "stale ETag";
    // @ts-expect-error a referrals code is never a number
    if (error.code === 99910) return "never";
    assertType<Equal<typeof error.retryAfterMs, number | undefined>>();
    assertType<
      Equal<
        typeof error.catalog,
        | {
            readonly status: number;
            readonly message: string;
            readonly description: string;
            readonly retryable: boolean;
            readonly kind: "code" | "innerCode";
          }
        | undefined
      >
    >();
    return `${error.status} ${error.family} ${error.correlationId ?? ""} ${error.attempts}`;
  }
  assertType<Equal<typeof data, ReferralsComponents["schemas"]["Referral"]>>();
  // PATCH documents 412: its error narrows to it.
  const update = await client.PATCH("/referrals/{referralId}", {
    params: { path: { referralId: data.id }, header: { "If-Match": response.headers.get("etag") ?? "" } },
    body: { name: "Renamed" },
    retries: 0,
  });
  const updateError = update.error;
  if (updateError?.status === 412) assertType<Equal<typeof updateError.body, ReferralsErrorBody | undefined>>();
  type GetError = ReferralsOperationError<"getReferral">;
  assertType<Equal<Extract<GetError, { status: 404 }>["body"], ReferralsErrorBody | undefined>>();
  // The throwing style resolves to data and response, typed as in the other style.
  const thrown = await client.orThrow.GET("/referrals/{referralId}", { params: { path: { referralId: "r-1" } } });
  assertType<Equal<typeof thrown.data, ReferralsComponents["schemas"]["Referral"]>>();
  // @ts-expect-error no such path
  await client.GET("/referral/{referralId}", { params: { path: { referralId: "r" } } });
  // @ts-expect-error retries is a number
  await client.GET("/referrals", { retries: "3" });
  return thrown.data.name;
}

export async function messaging(baseUrl: string): Promise<number | undefined> {
  const client = createMessagingClient({ baseUrl });
  const path = { orgId: "3fa85f64-5717-4562-b3fc-2c963f66afa6", channelId: "c" };
  try {
    const { data } = await client.orThrow.POST("/organizations/{orgId}/channels/{channelId}/conversations", {
      params: { path },
      body: { context: { a: "b" } },
    });
    return data.conversationId.length;
  } catch (error) {
    if (isMessagingError(error)) {
      assertType<Equal<typeof error, MessagingApiError>>();
      assertType<Equal<typeof error.body, MessagingErrorBody | undefined>>();
      assertType<Equal<typeof error.code, LooseCode<MessagingErrorCode> | undefined>>();
      if (error.code === 30011) return error.catalog?.retryable ? 1 : 0;
      return error.retryAfterMs;
    }
    throw error;
  }
}

export async function partnerAndSales(baseUrl: string): Promise<string | undefined> {
  const partner = createPartnerClient({ baseUrl });
  const { error } = await partner.GET("/customers");
  if (error?.status === 503) assertType<Equal<typeof error.body, PartnerErrorBody | undefined>>();
  if (isPartnerError(error)) assertType<Equal<typeof error.code, LooseCode<PartnerErrorCode> | undefined>>();
  const sales = createSalesClient({ baseUrl });
  const result = await sales.GET("/connections/{connectionId}/records/{recordType}/{recordId}", {
    params: { path: { connectionId: "c", recordType: "account", recordId: "1" } },
  });
  const salesError = result.error;
  if (salesError?.status === 403) {
    assertType<Equal<typeof salesError.body, SalesErrorBody | undefined>>();
    return salesError.body?.activityId;
  }
  if (isSalesError(result.error)) return result.error.specificCode;
  return result.data?.title;
}

/** The mechanism, on an API whose statuses have different bodies: each status narrows to its own. */
interface TwoBodies {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { id: string } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": { missing: string } } };
        409: { headers: { [name: string]: unknown }; content: { "application/problem+json": { conflict: number } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export async function twoBodies(baseUrl: string): Promise<string | number | undefined> {
  const client = createApiClient<TwoBodies, "A" | "B">(
    { baseUrl },
    { family: "x", codeType: "string", catalog: {}, errors: {}, body: {} },
  );
  const { data, error } = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
  if (!error) return data.id;
  if (error.status === 404) {
    assertType<Equal<typeof error.body, { missing: string } | undefined>>();
    return error.body?.missing;
  }
  if (error.status === 409) {
    assertType<Equal<typeof error.body, { conflict: number } | undefined>>();
    return error.body?.conflict;
  }
  // Any other status (or none) has no typed body. (TypeScript does not narrow the else branch of a
  // status check: a union member with `status: number` keeps the others in.)
  if (error.status === 500) assertType<Equal<typeof error.body, undefined>>();
  assertType<Equal<typeof error.code, LooseCode<"A" | "B"> | undefined>>();
  const anyError: ApiError = error;
  return anyError.status;
}

void notACode;
void notAString;
