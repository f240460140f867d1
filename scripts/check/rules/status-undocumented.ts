import type { Operation } from "../../../src/openapi/index.js";
import type { Contract } from "../contract.js";
import { excerpt, type Hit } from "./rule.js";

/**
 * A status the operation does not document (an error); one only a range (`4XX`) or `default`
 * covers is reported as such (a warning), not passed silently. Called by judge.ts before the
 * other rules: an undocumented status has no contract to check the rest against.
 */
export const statusUndocumented = {
  id: "status-undocumented",
  level: "error" as const,
  check(contract: Contract, op: Operation, status: number, body: string): Hit[] {
    const documented = contract.responseFor(op, status);
    const listed = contract
      .responsesOf(op)
      .map((r) => r.key)
      .join(", ");
    if (!documented)
      return [
        { message: `${status} is not documented for this operation (it documents ${listed})`, evidence: excerpt(body) },
      ];
    if (documented.key === String(status)) return [];
    return [
      {
        level: "warning",
        message: `${status} is covered only by the \`${documented.key}\` response, not documented as a status of its own`,
        evidence: excerpt(body),
      },
    ];
  },
};
