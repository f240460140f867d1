/**
 * Our client against bare openapi-fetch, side by side in one run, on an in-process stub
 * `fetch` (no network: what is left is each client's own work): per-call time on the success
 * path and on the error path, as ratios of alternating rounds (median); and the size of the
 * runtime, minified and gzipped with esbuild.
 *
 * Our clients run as a consumer runs them: bundled by esbuild (openapi-fetch left external,
 * the same module the bare side uses), not through tsx, whose transform adds work of its own.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import type * as MessagingClient from "../generated/messaging/client.js";
import type { paths as MessagingPaths } from "../generated/messaging/types.js";
import type * as ReferralsClient from "../generated/referrals/client.js";
import type { paths as ReferralsPaths } from "../generated/referrals/types.js";
import { bundled, root } from "./bundle.js";
import { median } from "./stats.js";
import type { Bench, Figure } from "./index.js";

/** The generated clients, bundled (openapi-fetch left external: the module the bare side uses) and imported. */
const bundledClients = () =>
  bundled<typeof ReferralsClient & typeof MessagingClient>(
    "clients",
    'export * from "./generated/referrals/client.ts"; export { createMessagingClient } from "./generated/messaging/client.ts";',
    ["openapi-fetch"],
  );
const baseUrl = "http://api.test";

/** A `fetch` that answers every request at once with the same status, headers and body. */
function stub(status: number, body: string, contentType: string): (request: Request) => Promise<Response> {
  return async () => new Response(body, { status, headers: { "content-type": contentType } });
}

/** µs one call takes. */
async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - started) / 1000;
}

/**
 * Alternating runs: each round makes `calls` pairs of calls, one of each side (which goes
 * first alternates by round), and takes the median call of each side; the figures are the
 * medians over the rounds, the ratio that of the rounds' ratios. Medians of single calls
 * shrug off the GC pauses and the neighbours' load that totals of many calls would include.
 */
async function compare(ours: () => Promise<unknown>, bare: () => Promise<unknown>, rounds: number, calls: number) {
  for (let i = 0; i < calls; i++) await Promise.all([ours(), bare()]); // warm-up
  const oursUs: number[] = [];
  const bareUs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < calls; i++) {
      if (round % 2 === 0) {
        a.push(await timed(ours));
        b.push(await timed(bare));
      } else {
        b.push(await timed(bare));
        a.push(await timed(ours));
      }
    }
    oursUs.push(median(a));
    bareUs.push(median(b));
    ratios.push(median(a) / median(b));
  }
  return { ours: median(oursUs), bare: median(bareUs), ratio: median(ratios) };
}

async function gzipSize(contents: string, external: string[]): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    conditions: ["@error-contracts/source"],
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external,
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const clientBench: Bench = {
  name: "client",
  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: the figures of one bench, printed and checked in one table
  async run({ quick }) {
    const { createReferralsClient, createMessagingClient } = await bundledClients();
    const rounds = quick ? 5 : 11;
    const calls = quick ? 1000 : 4000;
    const referral = JSON.stringify({ id: "r-1", name: "Contoso", status: "New", eTag: "0x1" });
    const notFound = JSON.stringify({
      error: {
        code: "itemNotFound",
        message: "Not found.",
        innerError: { code: "99904", message: "Resource not found" },
      },
    });
    const params = { params: { path: { referralId: "r-1" } } };

    const okStub = stub(200, referral, "application/json");
    const ours = createReferralsClient({ baseUrl, fetch: okStub });
    const bare = createClient<ReferralsPaths>({ baseUrl, fetch: okStub });
    const success = await compare(
      () => ours.GET("/referrals/{referralId}", params),
      () => bare.GET("/referrals/{referralId}", params),
      rounds,
      calls,
    );

    const errorStub = stub(404, notFound, "application/json");
    const oursError = createReferralsClient({ baseUrl, fetch: errorStub });
    const bareError = createClient<ReferralsPaths>({ baseUrl, fetch: errorStub });
    const failure = await compare(
      () => oursError.GET("/referrals/{referralId}", params),
      () => bareError.GET("/referrals/{referralId}", params),
      rounds,
      calls,
    );

    // The messaging family also sends a correlation id on every request.
    const conversations = JSON.stringify({ conversations: [], continuationToken: null });
    const messagingStub = stub(200, conversations, "application/json");
    const oursMessaging = createMessagingClient({ baseUrl, fetch: messagingStub });
    const bareMessaging = createClient<MessagingPaths>({ baseUrl, fetch: messagingStub });
    const route = "/organizations/{orgId}/channels/{channelId}/conversations" as const;
    const path = { params: { path: { orgId: "o", channelId: "c" } } };
    const messaging = await compare(
      () => oursMessaging.GET(route, path),
      () => bareMessaging.GET(route, path),
      rounds,
      calls,
    );

    // A per-attempt timeout costs an AbortSignal (and a timer) per call.
    const oursTimeout = createReferralsClient({ baseUrl, fetch: okStub, timeoutMs: 30_000 });
    const timeout = await compare(
      () => oursTimeout.GET("/referrals/{referralId}", params),
      () => bare.GET("/referrals/{referralId}", params),
      rounds,
      calls,
    );

    const runtime = await gzipSize('export * from "@error-contracts/runtime";', ["openapi-fetch"]);
    const openapiFetch = await gzipSize('export { default } from "openapi-fetch";', []);

    const figures: Figure[] = [
      {
        name: "success.oursUs",
        label: "success path, our client (referrals GET 200)",
        value: success.ours,
        unit: "µs",
      },
      { name: "success.bareUs", label: "success path, bare openapi-fetch", value: success.bare, unit: "µs" },
      { name: "success.ratio", label: "success path, ours ÷ bare", value: success.ratio, unit: "×", max: 1.1 },
      { name: "error.oursUs", label: "error path, our client (referrals GET 404)", value: failure.ours, unit: "µs" },
      { name: "error.bareUs", label: "error path, bare openapi-fetch", value: failure.bare, unit: "µs" },
      { name: "error.ratio", label: "error path, ours ÷ bare", value: failure.ratio, unit: "×", max: 1.5 },
      {
        name: "messagingSuccess.ratio",
        label: "success path with a correlation id (messaging), ours ÷ bare",
        value: messaging.ratio,
        unit: "×",
      },
      {
        name: "timeoutSuccess.ratio",
        label: "success path with timeoutMs set, ours ÷ bare",
        value: timeout.ratio,
        unit: "×",
      },
      {
        name: "runtime.minBytes",
        label: "runtime (@error-contracts/runtime), minified",
        value: runtime.min,
        unit: "bytes",
      },
      {
        name: "runtime.gzipBytes",
        label: "runtime, minified + gzipped",
        value: runtime.gzip,
        unit: "bytes",
        max: 2500,
      },
      {
        name: "openapiFetch.gzipBytes",
        label: "openapi-fetch createClient, minified + gzipped",
        value: openapiFetch.gzip,
        unit: "bytes",
      },
    ];
    return figures;
  },
};
