/**
 * Type tests of the server kit: the generated `server.ts` of each API, compiled by `tsc --noEmit`
 * (in `npm test`). Never run: every assertion is a type that must compile, or a line that must not
 * (`@ts-expect-error`).
 */
import type { ErrorResponse } from "@error-contracts/server";
import {
  ContractError,
  type ErrorsFor as MessagingErrorsFor,
  messagingServer,
} from "../../generated/messaging/server.js";
import { type ErrorsFor as PartnerErrorsFor, partnerServer } from "../../generated/partner/server.js";
import { type ErrorsFor as ReferralsErrorsFor, referralsServer } from "../../generated/referrals/server.js";
import { salesServer } from "../../generated/sales/server.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// Retry-After: a required argument for the statuses that must carry it.
salesServer.create("REQUEST_THROTTLED", { retryAfter: 30 });
// @ts-expect-error a 429 without retryAfter does not compile
salesServer.create("REQUEST_THROTTLED");
// @ts-expect-error nor with arguments that lack it
salesServer.create("REQUEST_THROTTLED", { message: "slow down" });
messagingServer.forStatus(429, { retryAfter: new Date() });
// @ts-expect-error messaging's 429 has no code: forStatus, and still retryAfter
messagingServer.forStatus(429);
// @ts-expect-error a 503 needs it too
messagingServer.forStatus(503, {});
referralsServer.create("99906", { retryAfter: 5 }); // the referrals 429 is an inner code's
// @ts-expect-error
referralsServer.create("99906");
salesServer.create("RECORD_NOT_FOUND"); // a 404: no argument needed
messagingServer.forStatus(401);

// A code-less status whose schema requires a code takes one, of the family's wire type.
partnerServer.forStatus(404, { code: "customerNotFound" });
// @ts-expect-error the partner body requires a code
partnerServer.forStatus(404);
// @ts-expect-error partner codes are strings
partnerServer.forStatus(404, { code: 404 });
partnerServer.forStatus(503, { code: "serviceUnavailable", retryAfter: 60 });
// @ts-expect-error 503: the code and retryAfter
partnerServer.forStatus(503, { code: "serviceUnavailable" });

// Codes: the catalog's, in their wire types; statuses: documented ones without a code.
// @ts-expect-error 30011 travels as a number
messagingServer.create("30011");
// @ts-expect-error "99910" travels as a string
referralsServer.create(99910);
// @ts-expect-error not a code of the catalog
messagingServer.create(39999);
// @ts-expect-error 400 has catalogued codes: create(code)
messagingServer.forStatus(400);
// @ts-expect-error 418 is not documented
partnerServer.forStatus(418, { code: "teapot" });

// The body's fields have the wire types, and the status is the code's.
const tooLong = messagingServer.create(30011);
assertType<Equal<typeof tooLong.status, 400>>();
assertType<Equal<NonNullable<typeof tooLong.body.code>, number>>();
const stale = referralsServer.create("99910");
assertType<Equal<typeof stale.status, 412>>();
assertType<Equal<typeof stale.body.error.code, string>>();
assertType<Equal<NonNullable<typeof stale.body.error.innerError>["code"], string>>();
const notFound = salesServer.create("RECORD_NOT_FOUND");
assertType<Equal<typeof notFound.body.errorCode, string>>();
const limited: ErrorResponse<unknown, 429> = messagingServer.forStatus(429, { retryAfter: 1 });
// @ts-expect-error a 401 is no 429
const notLimited: ErrorResponse<unknown, 429> = messagingServer.forStatus(401);

// Per operation: only the codes and code-less statuses it documents.
const listed: ReferralsErrorsFor<"listReferrals"> = "99901";
const updateStale: ReferralsErrorsFor<"updateReferral"> = "99910";
// @ts-expect-error listReferrals documents no 412, so not 99910
const listStale: ReferralsErrorsFor<"listReferrals"> = "99910";
// @ts-expect-error nor a 410 (a code-less status it does not document)
const listGone: ReferralsErrorsFor<"listReferrals"> = 410;
const getGone: ReferralsErrorsFor<"getReferral"> = 410;
const customerNotFound: PartnerErrorsFor<"getCustomer"> = 404;
// @ts-expect-error listCustomers documents no 404
const listNotFound: PartnerErrorsFor<"listCustomers"> = 404;
const sendTooLong: MessagingErrorsFor<"sendMessage"> = 30011;
// @ts-expect-error no such operation
type NoOperation = MessagingErrorsFor<"deleteEverything">;
// The kit narrowed to one operation refuses the rest at the call.
referralsServer.operation("updateReferral").create("99910");
// @ts-expect-error listReferrals documents no 412
referralsServer.operation("listReferrals").create("99910");
// @ts-expect-error listReferrals documents no 410
referralsServer.operation("listReferrals").forStatus(410, { code: "gone" });

// ContractError carries the response.
const thrown = new ContractError(messagingServer.create(30012));
assertType<Equal<typeof thrown.status, number>>();

export type Used = [
  typeof limited,
  typeof notLimited,
  typeof listed,
  typeof updateStale,
  typeof listStale,
  typeof listGone,
  typeof getGone,
  typeof customerNotFound,
  typeof listNotFound,
  typeof sendTooLong,
  NoOperation,
];
