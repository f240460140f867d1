import { isObject, type Operation, operationName } from "../../src/openapi/index.js";
import { credentialOf } from "./auth.js";
import type { Contract } from "./contract.js";
import { loadContract } from "./load.js";
import type { CheckResult, Exchange, SentRequest, TriggerInfo } from "./model.js";
import { type OperationPlan, planOf } from "./plan.js";
import { Random } from "./random.js";
import { toRequest } from "./request.js";
import { noResponse } from "./rules/no-response.js";
import type { Schemas } from "./schemas.js";
import { Session } from "./session.js";
import { NoAnswer, send } from "./send.js";
import { triggerKinds } from "./triggers/index.js";
import type { Trigger, TriggerContext } from "./triggers/trigger.js";

/** What `check` is told (the command's options, for callers in-process). */
export interface CheckOptions {
  token?: string;
  tokenLow?: string;
  allowWrites?: boolean;
  /** Send at most this many requests in a burst to provoke a 429 (0: no burst). */
  rateLimitProbe?: number;
  seed?: number;
  /** Keep only these rule ids. */
  only?: string[];
  /** How long one request may take, in ms. */
  timeout?: number;
  /** Real values of path parameters (`customerId` → an id that exists). */
  params?: Record<string, string>;
  /** The most requests a run sends (the burst included). */
  maxRequests?: number;
  /** How long the run may send requests, in ms; what is left is not sent (its coverage rows stay not-triggered). */
  maxTime?: number;
  /** Called with each request and response as it completes. */
  onExchange?: (exchange: Exchange) => void;
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_REQUESTS = 1000;
export const DEFAULT_MAX_TIME = 60_000;
/** The most triggers sent for one operation. */
export const MAX_PER_OPERATION = 60;

/** The run's state: its budget, what it sent, and the session that judges what came back. */
class Run {
  sent = 0;
  reachedServer = false;
  readonly session: Session;
  readonly schemas: Schemas;

  constructor(
    readonly contract: Contract,
    readonly baseUrl: string,
    readonly options: CheckOptions,
  ) {
    this.session = new Session(contract, options.only);
    this.schemas = this.session.schemas;
  }

  private readonly started = Date.now();
  /** Why the run stopped before the end, if it did. */
  stopped: string | undefined;

  get budgetLeft(): number {
    const max = this.options.maxRequests ?? DEFAULT_MAX_REQUESTS;
    const time = this.options.maxTime ?? DEFAULT_MAX_TIME;
    if (this.sent >= max) this.stopped = `stopped after ${max} requests (--max-requests)`;
    else if (Date.now() - this.started > time) this.stopped = `stopped after ${time} ms (--max-time)`;
    return this.stopped ? 0 : max - this.sent;
  }

  /** Sends a request, judges its response and records it; undefined when it got no answer (a finding). */
  async exchange(op: Operation, request: SentRequest, trigger?: TriggerInfo): Promise<Exchange | undefined> {
    if (new URL(request.url).origin !== new URL(this.baseUrl).origin)
      throw new Error(`refusing to leave ${this.baseUrl}`);
    this.sent++;
    let response: Exchange["response"];
    try {
      response = await send(request, this.options.timeout ?? DEFAULT_TIMEOUT);
    } catch (error) {
      if (!(error instanceof NoAnswer) || !this.reachedServer) throw error;
      this.session.add({
        rule: noResponse.id,
        level: noResponse.level,
        operation: operationName(op),
        status: 0,
        message: `${trigger?.description ?? "the request"}: ${error.message}`,
        request,
        evidence: error.message,
      });
      return undefined;
    }
    this.reachedServer = true;
    const exchange: Exchange = { request, response, operation: op, ...(trigger ? { trigger } : {}) };
    this.session.judge(exchange);
    this.options.onExchange?.(exchange);
    return exchange;
  }
}

/** The first array of objects in a list response (`items`, `value`, …), depth first. */
function firstItems(value: unknown, depth = 0): Record<string, unknown>[] | undefined {
  if (Array.isArray(value))
    return value.every(isObject) && value.length > 0 ? (value as Record<string, unknown>[]) : undefined;
  if (!isObject(value) || depth > 3) return undefined;
  for (const member of Object.values(value)) {
    const found = firstItems(member, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Real values of path parameters, where the contract has a list to read them from: for
 * `/things/{thingId}`, the first item of `GET /things` (its `thingId`, else its `id`).
 */
async function discoverIds(run: Run, random: Random, given: Record<string, string>): Promise<Record<string, string>> {
  const ids = { ...given };
  const ops = [...run.contract.operations].sort((a, b) => a.route.length - b.route.length);
  for (const op of ops) {
    for (const match of op.route.matchAll(/\{([^}]+)\}/g)) {
      const name = match[1]!;
      if (ids[name] !== undefined) continue;
      const prefix = op.route.slice(0, match.index).replace(/\/$/, "");
      const list = run.contract.operations.find((o) => o.method === "get" && o.route === prefix);
      if (!list || (credentialOf(run.contract.doc, list) && run.options.token === undefined)) continue;
      if (run.budgetLeft <= 0) continue;
      const plan = planOf(run.contract.doc, run.schemas, list, random, { ids, ...token(run) });
      if (!plan.realIds) continue;
      const exchange = await run.exchange(list, toRequest(run.baseUrl, plan.base));
      if (exchange?.response.status !== 200) continue;
      let body: unknown;
      try {
        body = JSON.parse(exchange.response.body);
      } catch {
        continue;
      }
      const item = firstItems(body)?.[0];
      const value = item?.[name] ?? item?.id;
      if (typeof value === "string" || typeof value === "number") ids[name] = String(value);
    }
  }
  return ids;
}

const token = (run: Run) => (run.options.token === undefined ? {} : { token: run.options.token });

/** The ETag of the resource an operation changes, read with the GET of its path. */
async function etagFor(
  run: Run,
  op: Operation,
  ids: Record<string, string>,
  random: Random,
): Promise<string | undefined> {
  const takesIfMatch = (plan: OperationPlan) =>
    plan.parameters.some((p) => p.in === "header" && p.name.toLowerCase() === "if-match");
  const get = run.contract.operations.find((o) => o.method === "get" && o.route === op.route);
  const probe = planOf(run.contract.doc, run.schemas, op, random, { ids });
  if (!get || !takesIfMatch(probe) || !probe.realIds || run.budgetLeft <= 0) return undefined;
  const plan = planOf(run.contract.doc, run.schemas, get, random, { ids, ...token(run) });
  const exchange = await run.exchange(get, toRequest(run.baseUrl, plan.base));
  return exchange?.response.status === 200 ? exchange.response.headers.etag : undefined;
}

/** Whether a trigger may be sent under the run's options. */
function allowed(run: Run, op: Operation, trigger: Trigger): boolean {
  if (trigger.write && !run.options.allowWrites) return false;
  return !(trigger.needsToken && credentialOf(run.contract.doc, op) && run.options.token === undefined);
}

/** What the 429 burst aims at (the same whether it is sent or not). */
const rateLimitInfo = (description: string): TriggerInfo => ({
  kind: "rate-limit",
  description,
  expects: [429],
  mustFail: false,
  clientFault: false,
});

/** A bounded burst of the plan's base request, stopping at the first 429. */
async function rateLimitBurst(run: Run, plan: OperationPlan, size: number): Promise<void> {
  const info = rateLimitInfo(`a burst of at most ${size} requests`);
  run.session.coverage.aim(plan.op, info);
  const request = toRequest(run.baseUrl, plan.base);
  for (let i = 0; i < size && run.budgetLeft > 0; i++) {
    const exchange = await run.exchange(plan.op, request, info);
    if (!exchange || exchange.response.status === 429) return;
  }
}

/**
 * Checks a running API against its contract: for each operation, a baseline request (GET only),
 * then every trigger the contract gives it (triggers/), each response judged by every rule
 * (rules/), within the request budget; with `rateLimitProbe`, a burst at the first GET that
 * documents 429. Throws `NoAnswer` when the server cannot be reached at all.
 */
export async function checkApi(
  spec: Contract | string,
  baseUrl: string,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const contract = typeof spec === "string" ? await loadContract(spec) : spec;
  const run = new Run(contract, baseUrl, options);
  const random = new Random(options.seed ?? 1);
  const ids = await discoverIds(run, random, options.params ?? {});
  for (const op of contract.operations) {
    const etag = await etagFor(run, op, ids, random);
    const plan = planOf(contract.doc, run.schemas, op, random, { ids, ...token(run), ...(etag ? { etag } : {}) });
    const documents = (status: number) => contract.documents(op, status);
    const secured = credentialOf(contract.doc, op) !== undefined;
    if (op.method === "get" && run.budgetLeft > 0 && (options.token !== undefined || !secured))
      await run.exchange(op, toRequest(baseUrl, plan.base));
    const context: TriggerContext = { doc: contract.doc, contract, schemas: run.schemas, plan, random, documents };
    if (options.tokenLow !== undefined) context.tokenLow = options.tokenLow;
    const triggers = triggerKinds.flatMap((kind) => kind.make(context)).slice(0, MAX_PER_OPERATION);
    for (const trigger of triggers) {
      run.session.coverage.aim(op, trigger.info);
      if (!allowed(run, op, trigger) || run.budgetLeft <= 0) continue;
      await run.exchange(op, toRequest(baseUrl, trigger.parts), trigger.info);
    }
  }
  const burst = contract.operations.find((op) => op.method === "get" && contract.documents(op, 429));
  if (burst) {
    const plan = planOf(contract.doc, run.schemas, burst, random, { ids, ...token(run) });
    if ((options.rateLimitProbe ?? 0) > 0) await rateLimitBurst(run, plan, options.rateLimitProbe!);
    else run.session.coverage.aim(burst, rateLimitInfo(""));
  }
  const result = run.session.result(run.sent);
  if (run.stopped) result.stopped = run.stopped;
  return result;
}
