/**
 * Property: every factory of every API's server kit (`create` for each catalogued code, `forStatus`
 * for each documented status without one), called with arbitrary arguments, makes a response that
 * the bundled API documents: a status some operation lists, its media type, a body valid against
 * that response's schema (Ajv 2020, formats checked), every header the response requires, valid
 * against its schema, and the catalogued code where the shape reads it. The bundles are read as
 * YAML here, not through the kit's generated data.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ErrorArgs, ErrorResponse } from "@error-contracts/server";
import { apiErrorShape, readErrorBody } from "../src/openapi/index.js";
import { messagingServer } from "../generated/messaging/server.js";
import { partnerServer } from "../generated/partner/server.js";
import { referralsServer } from "../generated/referrals/server.js";
import { salesServer } from "../generated/sales/server.js";
import { apiIds, bundle, catalog, deref, type Json } from "./helpers/openapi.js";

type AnyKit = {
  create(code: string | number, args?: ErrorArgs): ErrorResponse;
  forStatus(status: number, args?: ErrorArgs & { code?: string | number }): ErrorResponse;
};
const kits = { messaging: messagingServer, partner: partnerServer, referrals: referralsServer, sales: salesServer };

/** The first response each error status has in the bundle, `$ref` followed. */
function documentedStatuses(doc: Json): Map<number, Json> {
  const found = new Map<number, Json>();
  for (const item of Object.values(doc.paths as Json))
    for (const operation of Object.values(item as Json))
      for (const [key, response] of Object.entries((operation as Json).responses ?? {}))
        if (/^[45]\d\d$/.test(key) && !found.has(Number(key))) found.set(Number(key), deref(doc, response));
  return found;
}

/** A check of one response against what the bundle documents for its status; `""` when it holds. */
function checker(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const compiled = new Map<unknown, ReturnType<typeof ajv.compile>>();
  const validate = (schema: Json, value: unknown) => {
    if (!compiled.has(schema)) compiled.set(schema, ajv.compile({ ...schema, components: doc.components }));
    const fn = compiled.get(schema)!;
    return fn(value) ? "" : ajv.errorsText(fn.errors);
  };
  const statuses = documentedStatuses(doc);
  return (response: ErrorResponse): string => {
    const documented = statuses.get(response.status);
    if (!documented) return `status ${response.status} is not documented`;
    const media = documented.content?.[response.mediaType];
    if (!media) return `${response.status} is not documented as ${response.mediaType}`;
    const body = validate(media.schema, JSON.parse(JSON.stringify(response.body)));
    if (body) return `${response.status} body: ${body}`;
    for (const [name, raw] of Object.entries(documented.headers ?? {})) {
      const header = deref(doc, raw);
      const value = response.headers[name.toLowerCase()];
      if (value === undefined && header.required) return `${response.status} lacks ${name}`;
      const invalid = value === undefined ? "" : validate(header.schema, value);
      if (invalid) return `${response.status} ${name}: ${invalid}`;
    }
    return "";
  };
}

/** Arbitrary arguments: a message, a target, details, a correlation id, a wait, a code, each present or not. */
const args = fc.record(
  {
    message: fc.string({ unit: "grapheme", maxLength: 300 }),
    target: fc.string({ unit: "grapheme", maxLength: 50 }),
    details: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
    correlationId: fc.uuid(),
    retryAfter: fc.oneof(
      fc.nat(),
      fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
    ),
    code: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
  },
  { requiredKeys: [] },
);

describe.each(apiIds)("the %s server kit", (api) => {
  const doc = bundle(api);
  const kit = kits[api as keyof typeof kits] as unknown as AnyKit;
  const check = checker(doc);
  const shape = apiErrorShape(doc)!.shape;
  const codes = catalog.families.filter((family) => family.apis.includes(api)).flatMap((family) => family.errors);
  const coded = new Set(codes.map((error) => error.status));
  const codeless = [...documentedStatuses(doc).keys()].filter((status) => !coded.has(status));
  const needsRetry = (status: number) => deref(doc, documentedStatuses(doc).get(status)).headers?.["Retry-After"];

  it.each(codes.map((error) => [String(error.code), error] as const))("create(%s)", (_, error) => {
    fc.assert(
      fc.property(args, ({ code: _code, ...given }) => {
        if (needsRetry(error.status) && given.retryAfter === undefined) given.retryAfter = 1;
        const response = kit.create(error.code, given);
        expect(check(response)).toBe("");
        expect(response.status).toBe(error.status);
        expect(readErrorBody(response.body, shape)?.code).toBe(error.code);
      }),
      { numRuns: 40 },
    );
  });

  it.each(codeless)("forStatus(%i)", (status) => {
    fc.assert(
      fc.property(args, (given) => {
        if (needsRetry(status) && given.retryAfter === undefined) given.retryAfter = 1;
        if (shape.codeType === "integer") delete given.code;
        const response = kit.forStatus(status, given);
        expect(check(response)).toBe("");
        expect(response.status).toBe(status);
      }),
      { numRuns: 40 },
    );
  });
});
