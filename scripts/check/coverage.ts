import { isErrorKey, type Operation, operationName } from "../../src/openapi/index.js";
import type { Contract } from "./contract.js";
import type { CoverageRow, Exchange, TriggerInfo } from "./model.js";
import { codesIn } from "./rules/codes.js";

const rowKey = (op: string, status: string, code?: string) => `${op}\u0000${status}\u0000${code ?? ""}`;

/**
 * Operation × documented error (status, code): what the run reached. Each response is counted
 * under the documented response for its status and, where that response lists codes, under the
 * code the body is identified by. A row is not-triggered when a trigger aimed at it and did not
 * get any of the statuses it aims at (or was not sent); a row no trigger aims at (a 5xx, a code
 * only business logic reaches, another code of a status a trigger reached) is observe-only.
 */
export class Coverage {
  private readonly observed = new Map<string, boolean>();
  private readonly aimed = new Map<string, TriggerInfo[]>();
  /** Triggers answered with one of the statuses they aim at: they aim at nothing else any more. */
  private readonly satisfied = new Set<TriggerInfo>();

  constructor(private readonly contract: Contract) {}

  /** A trigger the run planned for an operation, sent or not (a skipped one leaves its rows not-triggered). */
  aim(op: Operation, info: TriggerInfo): void {
    const name = operationName(op);
    this.aimed.set(name, [...(this.aimed.get(name) ?? []), info]);
  }

  /** A response and whether any finding was made on it. */
  record(exchange: Exchange, violated: boolean): void {
    if (exchange.trigger?.expects.includes(exchange.response.status)) this.satisfied.add(exchange.trigger);
    const documented = this.contract.responseFor(exchange.operation, exchange.response.status);
    if (!documented || !isErrorKey(documented.key)) return;
    let code: string | undefined;
    if (documented.codes.size > 0) {
      let value: unknown;
      try {
        value = JSON.parse(exchange.response.body);
      } catch {
        value = undefined;
      }
      const found = codesIn({ json: { value }, shape: this.contract.shape }).identifying;
      if (found === undefined || !documented.codes.has(found)) return;
      code = found;
    }
    const key = rowKey(operationName(exchange.operation), documented.key, code);
    this.observed.set(key, (this.observed.get(key) ?? false) || violated);
  }

  /** The table, in the order of the operations and their responses. */
  rows(): CoverageRow[] {
    const rows: CoverageRow[] = [];
    for (const op of this.contract.operations) {
      const name = operationName(op);
      const aimed = (this.aimed.get(name) ?? []).filter((t) => !this.satisfied.has(t));
      for (const documented of this.contract.responsesOf(op)) {
        if (!isErrorKey(documented.key)) continue;
        const codes = documented.codes.size > 0 ? [...documented.codes] : [undefined];
        for (const code of codes) {
          const seen = this.observed.get(rowKey(name, documented.key, code));
          const target = aimed.some(
            (t) =>
              t.expects.map(String).includes(documented.key) &&
              (t.expectedCode === undefined || code === undefined || t.expectedCode === code),
          );
          const state =
            seen === true ? "violated" : seen === false ? "triggered-valid" : target ? "not-triggered" : "observe-only";
          rows.push({ operation: name, status: documented.key, ...(code === undefined ? {} : { code }), state });
        }
      }
    }
    return rows;
  }
}
