import { stringifyYaml } from "@redocly/openapi-core";
import { stringify } from "yaml";

/**
 * A document as YAML, as Redocly writes a bundle (js-yaml: `noRefs`, no line folding). js-yaml's
 * dumper tests each string with regular expressions that overflow the stack on a string of a few
 * megabytes (a base64 example); such a document is written by the `yaml` package instead, which
 * has no such limit. Every document js-yaml can write comes out exactly as it always did.
 */
export function toYaml(doc: unknown): string {
  try {
    return stringifyYaml(doc, { noRefs: true, lineWidth: -1 });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0 });
  }
}
