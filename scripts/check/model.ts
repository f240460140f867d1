import type { JsonPath, Operation } from "../../src/openapi/index.js";

/** How much a finding weighs: `--fail-on` picks the lowest level that fails a run. */
export type Level = "error" | "warning";

/** A request as sent (or as recorded): what a `curl` line reproduces. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A response as received: header names in lower case, the body as text. */
export interface Received {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * What a request was sent to provoke: its kind (one file in `triggers/`), the statuses it aims at,
 * the code the contract declares for the violated constraint (`x-error-code`), whether it had to
 * fail, and whether it is the client's fault (a 5xx to it is then a finding).
 */
export interface TriggerInfo {
  kind: string;
  description: string;
  expects: number[];
  expectedCode?: string;
  mustFail: boolean;
  clientFault: boolean;
  /** The level of `trigger-accepted` when a 2xx answers it (a server may ignore `Accept` or `Range`). */
  acceptedLevel?: Level;
}

/** One request and its response, with the operation it belongs to and why it was sent. */
export interface Exchange {
  request: SentRequest;
  response: Received;
  operation: Operation;
  trigger?: TriggerInfo;
}

/** One broken promise of the contract, as the JSON format prints it. */
export interface Finding {
  rule: string;
  level: Level;
  /** `GET /customers/{customerId}` */
  operation: string;
  status: number;
  code?: string;
  message: string;
  request: SentRequest;
  evidence: string;
  /** Where, in the bundle, the response that was violated is documented (the operation's response key). */
  responsePath?: JsonPath;
}

/** One row of the coverage table: operation × documented (status, code). */
export interface CoverageRow {
  operation: string;
  status: string;
  code?: string;
  state: "triggered-valid" | "violated" | "not-triggered" | "observe-only";
}

/** What a run found. */
export interface CheckResult {
  findings: Finding[];
  coverage: CoverageRow[];
  /** How many requests were sent (or read, for recorded traffic). */
  requests: number;
  /** Why a run stopped before it sent every trigger (its request or time budget). */
  stopped?: string;
}
