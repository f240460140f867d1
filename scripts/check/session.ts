import type { Contract } from "./contract.js";
import { Coverage } from "./coverage.js";
import { judge } from "./judge.js";
import type { CheckResult, Exchange, Finding } from "./model.js";
import { Schemas } from "./schemas.js";

/**
 * What judging a stream of exchanges adds up to, whoever made them (`check`'s triggers, a
 * recording for `verify`, `proxy`'s traffic): the findings, each once, and the coverage.
 */
export class Session {
  readonly findings: Finding[] = [];
  /** How many exchanges were judged. */
  judged = 0;
  readonly coverage: Coverage;
  readonly schemas: Schemas;
  private readonly seen = new Set<string>();
  private readonly only: Set<string> | undefined;

  constructor(
    readonly contract: Contract,
    only?: string[],
  ) {
    this.coverage = new Coverage(contract);
    this.schemas = new Schemas(contract.doc);
    this.only = only ? new Set(only) : undefined;
  }

  /** Judges one exchange and records it; returns its findings not seen before. */
  judge(exchange: Exchange): Finding[] {
    this.judged++;
    if (exchange.trigger) this.coverage.aim(exchange.operation, exchange.trigger);
    const findings = judge(this.contract, this.schemas, exchange, this.only);
    this.coverage.record(exchange, findings.length > 0);
    return findings.filter((finding) => this.add(finding));
  }

  /** Adds a finding unless the same one (rule, operation, status, code, message) is there; whether it was added. */
  add(finding: Finding): boolean {
    if (this.only && !this.only.has(finding.rule)) return false;
    const key = [finding.rule, finding.operation, finding.status, finding.code, finding.message].join("\u0000");
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.findings.push(finding);
    return true;
  }

  result(requests: number): CheckResult {
    return { findings: this.findings, coverage: this.coverage.rows(), requests };
  }
}
