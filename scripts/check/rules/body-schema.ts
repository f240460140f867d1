import { isJsonMediaType, resolveRef } from "../../../src/openapi/index.js";
import { excerpt, type Hit, type Rule } from "./rule.js";

/** A JSON body that is not JSON, or does not match the documented schema (OpenAPI 3.1 through Ajv 2020). */
export const bodySchema: Rule = {
  id: "body-schema",
  level: "error",
  check({ exchange, media, json, schemas, contract }): Hit[] {
    if (!media || !isJsonMediaType(media.mediaType) || media.media.schema === undefined) return [];
    if (!json)
      return [{ message: `the body is not JSON (${media.mediaType})`, evidence: excerpt(exchange.response.body) }];
    const why = schemas.errors(resolveRef(contract.doc, media.media.schema), json.value);
    return why
      ? [{ message: `the body does not match its schema: ${why}`, evidence: excerpt(exchange.response.body) }]
      : [];
  },
};
