import { contentOf, isJsonMediaType, mediaTypeBase, operationName } from "../../src/openapi/index.js";
import type { Contract, DocumentedResponse } from "./contract.js";
import type { Exchange, Finding, Level } from "./model.js";
import { errorLeak } from "./rules/error-leak.js";
import { responseRules } from "./rules/index.js";
import type { Hit, RuleInput } from "./rules/rule.js";
import { serverErrorOnClientFault } from "./rules/server-error-on-client-fault.js";
import { statusUndocumented } from "./rules/status-undocumented.js";
import { triggerAccepted } from "./rules/trigger-accepted.js";
import type { Schemas } from "./schemas.js";

/** Whether a documented media type (`application/json`, `application/*`, `*\/*`) takes a sent one. */
function mediaMatches(documented: string, sent: string): boolean {
  const [type, subtype] = mediaTypeBase(documented).split("/");
  const [sentType, sentSubtype] = sent.split("/");
  return (type === "*" || type === sentType) && (subtype === "*" || subtype === sentSubtype);
}

/** The documented media type a response's `Content-Type` matches. */
function matchedMedia(documented: DocumentedResponse, sent: string | undefined) {
  if (sent === undefined) return undefined;
  const base = mediaTypeBase(sent);
  const content = contentOf(documented.response, []);
  const found =
    content.find((c) => mediaTypeBase(c.mediaType) === base) ?? content.find((c) => mediaMatches(c.mediaType, base));
  return found && { mediaType: found.mediaType, media: found.media };
}

/** The body as JSON, when the response says it is JSON and it parses. */
function parsed(exchange: Exchange): { value: unknown } | undefined {
  const type = exchange.response.headers["content-type"];
  if (!type || !isJsonMediaType(type)) return undefined;
  try {
    return { value: JSON.parse(exchange.response.body) };
  } catch {
    return undefined;
  }
}

/**
 * Every finding on one response: a 2xx to a request that had to fail is that alone; a 5xx to a
 * client's fault and a leak in the body are judged on any response; an undocumented status
 * stops there (nothing documents what it should be); a documented one (or one a range or
 * `default` covers, which warns) goes through every rule of `responseRules`. `only`: the rule ids to keep.
 */
export function judge(contract: Contract, schemas: Schemas, exchange: Exchange, only?: Set<string>): Finding[] {
  const { operation, response } = exchange;
  const hits: { rule: string; level: Level; hit: Hit; documented?: DocumentedResponse }[] = [];
  const add = (rule: { id: string; level: Level }, found: Hit[], documented?: DocumentedResponse) => {
    for (const hit of found)
      hits.push({ rule: rule.id, level: hit.level ?? rule.level, hit, ...(documented ? { documented } : {}) });
  };
  const accepted = triggerAccepted.check(exchange);
  add(triggerAccepted, accepted);
  if (accepted.length === 0) {
    add(serverErrorOnClientFault, serverErrorOnClientFault.check(exchange));
    const documented = contract.responseFor(operation, response.status);
    add(statusUndocumented, statusUndocumented.check(contract, operation, response.status, response.body), documented);
    if (documented) {
      const media = matchedMedia(documented, response.headers["content-type"]);
      const json = parsed(exchange);
      const input: RuleInput = { contract, schemas, exchange, documented };
      if (media) input.media = media;
      if (json) input.json = json;
      const shape = contract.shapeOf(media?.media, media?.mediaType);
      if (shape) input.shape = shape;
      for (const rule of responseRules) add(rule, rule.check(input), documented);
    }
  }
  add(errorLeak, errorLeak.check(exchange));
  const opName = operationName(operation);
  return hits
    .filter(({ rule }) => !only || only.has(rule))
    .map(({ rule, level, hit, documented }) => {
      const finding: Finding = {
        rule,
        level,
        operation: opName,
        status: response.status,
        message: hit.message,
        request: exchange.request,
        evidence: hit.evidence,
        responsePath: documented?.path ?? [...operation.path, "responses"],
      };
      if (hit.code !== undefined) finding.code = hit.code;
      return finding;
    });
}
