/**
 * The server kit against the same error response written by hand, side by side in one run: a
 * `Response` from `toResponse(kit.create(code, args))` vs `new Response(JSON.stringify(body), …)`
 * with the same status, media type, headers and body (a new correlation UUID on both sides where
 * the family has a correlation header). Per call, as ratios of alternating rounds (median); also
 * the kit with `validate: true`, for what the run-time check costs.
 *
 * The kits run as a server runs them: the generated `server.ts` bundled by esbuild, not through tsx.
 */
import type * as MessagingServer from "../generated/messaging/server.js";
import type * as ReferralsServer from "../generated/referrals/server.js";
import type { Bench, Figure } from "./index.js";
import { bundled } from "./bundle.js";
import { median } from "./stats.js";

type Kits = typeof MessagingServer & Pick<typeof ReferralsServer, "referralsServer">;

/** The generated kits, bundled (ajv resolves from node_modules) and imported. */
const bundledKits = () =>
  bundled<Kits>(
    "server",
    'export * from "./generated/messaging/server.ts"; export { referralsServer } from "./generated/referrals/server.ts";',
  );

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** µs per call of a batch of `size` calls. */
function batch(call: () => unknown, size: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < size; i++) call();
  return Number(process.hrtime.bigint() - started) / 1000 / size;
}

/**
 * Alternating rounds of batches, one side then the other (which goes first alternates by batch);
 * each round keeps the median batch of each side, the ratio is the median of the rounds' ratios.
 * Batches, not single calls: a call takes a few microseconds, near the clock's own cost. The event
 * loop turns between batches: undici frees a `Response`'s body only then.
 */
async function compare(ours: () => unknown, hand: () => unknown, rounds: number, batches: number) {
  // Warm-up: both sides compiled by V8 before timing.
  for (let i = 0; i < 200; i++) {
    batch(ours, 100);
    batch(hand, 100);
    await turn();
  }
  const ratios: number[] = [];
  const oursUs: number[] = [];
  const handUs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < batches; i++) {
      const oursFirst = i % 2 === 0;
      if (oursFirst) a.push(batch(ours, 100));
      b.push(batch(hand, 100));
      if (!oursFirst) a.push(batch(ours, 100));
      await turn();
    }
    oursUs.push(median(a));
    handUs.push(median(b));
    ratios.push(median(a) / median(b));
  }
  return { ours: median(oursUs), hand: median(handUs), ratio: median(ratios) };
}

export const serverBench: Bench = {
  name: "server",
  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: the figures of one bench, printed and checked in one table
  async run({ quick }) {
    const { createMessagingKit, messagingServer, referralsServer, toResponse } = await bundledKits();
    const rounds = quick ? 5 : 11;
    const batches = quick ? 100 : 400;

    // Messaging 30011: problem+json, a new correlation id per response.
    const problem = messagingServer.create(30011).body;
    const messaging = await compare(
      () => toResponse(messagingServer.create(30011)),
      () =>
        new Response(JSON.stringify(problem), {
          status: 400,
          headers: { "content-type": "application/problem+json", "x-ms-correlation-id": crypto.randomUUID() },
        }),
      rounds,
      batches,
    );

    // Referrals 99910 with a caller's message: an envelope, an inner code, a member set on the way.
    const stale = referralsServer.create("99910").body;
    const referrals = await compare(
      () => toResponse(referralsServer.create("99910", { message: "The ETag is stale." })),
      () =>
        new Response(JSON.stringify({ error: { ...stale.error, message: "The ETag is stale." } }), {
          status: 412,
          headers: { "content-type": "application/json" },
        }),
      rounds,
      batches,
    );

    // Messaging 429 without a code: Retry-After from seconds.
    const limited = messagingServer.forStatus(429, { retryAfter: 30 }).body;
    const retry = await compare(
      () => toResponse(messagingServer.forStatus(429, { retryAfter: 30 })),
      () =>
        new Response(JSON.stringify(limited), {
          status: 429,
          headers: {
            "content-type": "application/problem+json",
            "x-ms-correlation-id": crypto.randomUUID(),
            "retry-after": "30",
          },
        }),
      rounds,
      batches,
    );

    const checked = createMessagingKit({ validate: true });
    const validated = await compare(
      () => toResponse(checked.create(30011)),
      () => toResponse(messagingServer.create(30011)),
      rounds,
      batches,
    );

    const figures: Figure[] = [
      { name: "messaging.kitUs", label: "messaging 30011 through the kit", value: messaging.ours, unit: "µs" },
      { name: "messaging.handUs", label: "messaging 30011 by hand", value: messaging.hand, unit: "µs" },
      { name: "messaging.ratio", label: "messaging 30011, kit ÷ hand", value: messaging.ratio, unit: "×", max: 1.5 },
      {
        name: "referrals.ratio",
        label: "referrals 99910 with a message, kit ÷ hand",
        value: referrals.ratio,
        unit: "×",
        max: 1.5,
      },
      {
        name: "retryAfter.ratio",
        label: "messaging 429 with Retry-After, kit ÷ hand",
        value: retry.ratio,
        unit: "×",
        max: 1.5,
      },
      { name: "validate.ratio", label: "messaging 30011, validate: true ÷ off", value: validated.ratio, unit: "×" },
    ];
    return figures;
  },
};
