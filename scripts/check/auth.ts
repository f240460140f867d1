import { arrayAt, entriesOf, isObject, type Json, type Operation, objectAt } from "../../src/openapi/index.js";

/**
 * How an operation takes a credential: the `Authorization` scheme or API-key header of its
 * security requirement (the operation's, else the document's); undefined when it needs none
 * (no requirement, or an empty one among the alternatives).
 */
export function credentialOf(doc: Json, op: Operation): { header: string; prefix: string } | undefined {
  const requirements = "security" in op.operation ? arrayAt(op.operation, "security") : arrayAt(doc, "security");
  if (requirements.length === 0 || requirements.some((r) => isObject(r) && Object.keys(r).length === 0))
    return undefined;
  const schemes = objectAt(objectAt(doc, "components"), "securitySchemes");
  for (const requirement of requirements) {
    for (const [name] of entriesOf(requirement)) {
      const scheme = schemes[name];
      if (!isObject(scheme)) continue;
      if (scheme.type === "http" && typeof scheme.scheme === "string") {
        const prefix = scheme.scheme.toLowerCase() === "bearer" ? "Bearer " : `${scheme.scheme} `;
        return { header: "authorization", prefix };
      }
      if (scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string")
        return { header: scheme.name.toLowerCase(), prefix: "" };
      if (scheme.type === "oauth2" || scheme.type === "openIdConnect")
        return { header: "authorization", prefix: "Bearer " };
    }
  }
  return undefined;
}

/** The headers that present a token to an operation (none when it needs no credential or there is no token). */
export function authHeaders(doc: Json, op: Operation, token: string | undefined): Record<string, string> {
  const credential = credentialOf(doc, op);
  return credential && token !== undefined ? { [credential.header]: `${credential.prefix}${token}` } : {};
}
