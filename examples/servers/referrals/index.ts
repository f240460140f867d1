/**
 * The Referrals API's reference server: referrals and their attachments in memory, every documented
 * error from `generated/referrals/server.ts`. The requests that reach each error: triggers.ts beside this file.
 */
import { ContractError, type ErrorResponse, referralsServer as kit } from "../../../generated/referrals/server.js";
import { type Call, type ReferenceOptions, referenceApp } from "../lib/reference-app.js";

interface Referral {
  id: string;
  name: string;
  status: "New" | "Active" | "Closed";
  qualification?: string;
  eTag: string;
  modifiedAt: number;
  /** Seeded states no request can reach: removed (410), locked by a review (423), being changed elsewhere (409). */
  state?: "gone" | "locked" | "contested";
  attachments: Map<string, Uint8Array<ArrayBuffer>>;
}

/** Seeded referrals by id, and what each answers (triggers.ts). */
export const REFERRALS = {
  open: "r-1",
  active: "r-2",
  closed: "r-closed",
  gone: "r-gone",
  locked: "r-locked",
  contested: "r-contested",
} as const;
export const ATTACHMENT = { referralId: REFERRALS.open, attachmentId: "a-1", bytes: "Contoso referral notes" } as const;
/** Properties an update may not change (99908). */
const FIXED = new Set(["id", "eTag", "createdAt"]);

const fail = (response: ErrorResponse) => new ContractError(response);

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one closure, the store and its eight operations share it
export function createApp(options: ReferenceOptions = {}) {
  const referrals = new Map<string, Referral>();
  const add = (id: string, status: Referral["status"], extra: Partial<Referral> = {}) =>
    referrals.set(id, {
      id,
      name: `Referral ${id}`,
      status,
      eTag: '"1"',
      modifiedAt: Date.now(),
      attachments: new Map(),
      ...extra,
    });
  add(REFERRALS.open, "New");
  add(REFERRALS.active, "Active", { qualification: "SalesQualified" });
  add(REFERRALS.closed, "Closed", { qualification: "SalesQualified" });
  add(REFERRALS.gone, "Closed", { state: "gone" });
  add(REFERRALS.locked, "Active", { state: "locked", qualification: "SalesQualified" });
  add(REFERRALS.contested, "Active", { state: "contested", qualification: "SalesQualified" });
  referrals
    .get(ATTACHMENT.referralId)!
    .attachments.set(ATTACHMENT.attachmentId, new TextEncoder().encode(ATTACHMENT.bytes));

  const view = ({ attachments: _, modifiedAt: __, state: ___, ...referral }: Referral) => referral;
  /** The referral of the path: unknown (99904), removed (410), locked for a change (423). */
  const referralOf = ({ param, args }: Call, change = false) => {
    const referral = referrals.get(param("referralId"));
    if (!referral) throw fail(kit.create("99904", { ...args, target: "referralId" }));
    if (referral.state === "gone") throw fail(kit.forStatus(410, { ...args, code: "gone" }));
    if (change && referral.state === "locked") throw fail(kit.forStatus(423, { ...args, code: "locked" }));
    return referral;
  };
  const attachmentOf = (call: Call, referral: Referral) => {
    const bytes = referral.attachments.get(call.param("attachmentId"));
    if (!bytes) throw fail(kit.create("itemNotFound", { ...call.args, target: "attachmentId" }));
    return bytes;
  };
  const changed = (referral: Referral) => {
    referral.eTag = `"${Number(JSON.parse(referral.eTag)) + 1}"`;
    referral.modifiedAt = Date.now();
  };
  /** `If-Match` and `If-Unmodified-Since` against the referral (412), before anything changes. */
  const preconditions = ({ c, args }: Call, referral: Referral) => {
    const ifMatch = c.req.header("if-match") ?? "";
    if (!/^(W\/)?"[^"]*"$/.test(ifMatch)) throw fail(kit.create("preconditionFailed", { ...args, target: "If-Match" }));
    if (ifMatch !== referral.eTag) throw fail(kit.create("99910", { ...args, target: "If-Match" }));
    const since = Date.parse(c.req.header("if-unmodified-since") ?? "");
    if (since < Math.floor(referral.modifiedAt / 1000) * 1000) throw fail(kit.create("99918", args));
  };
  /** An update's members the contract's schema cannot refuse: nonupdatable ones (99908), nulls (99909). */
  const updatable = ({ args }: Call, body: unknown) => {
    if (typeof body !== "object" || body === null) return;
    for (const [name, value] of Object.entries(body)) {
      if (FIXED.has(name)) throw fail(kit.create("99908", { ...args, target: name }));
      if (value === null) throw fail(kit.create("99909", { ...args, target: name }));
    }
  };

  return referenceApp(
    kit,
    {
      unauthenticated: (why, { args }) => kit.create(why === "missing" ? "unauthenticated" : "99902", args),
      forbidden: ({ operation, args }) =>
        operation === "createReferral"
          ? kit.create("99913", args)
          : operation === "inviteToReferral"
            ? kit.create("99914", args)
            : kit.create("accessDenied", args),
      throttled: (retryAfter, { args }) => kit.create("99906", { ...args, retryAfter }),
    },
    {
      listReferrals: ({ c, query }) => {
        const all = [...referrals.values()].filter((r) => r.state !== "gone").map(view);
        const skip = Number(query.get("$skip") ?? 0);
        const top = Number(query.get("$top") ?? 20);
        return c.json({ value: all.slice(skip, skip + top), continuationToken: null });
      },
      createReferral: ({ c, body, args }) => {
        const create = body as { name: string; qualification?: string; solutions?: { type?: string; name?: string }[] };
        if (create.solutions?.some((s) => !s.name)) throw fail(kit.create("99912", { ...args, target: "solutions" }));
        if ([...referrals.values()].some((r) => r.name === create.name)) {
          throw fail(kit.forStatus(422, { ...args, code: "duplicateName", target: "name" }));
        }
        const id = `r-${crypto.randomUUID()}`;
        add(id, "New", { name: create.name, ...(create.qualification ? { qualification: create.qualification } : {}) });
        const referral = referrals.get(id)!;
        return c.json(view(referral), 201, { ETag: referral.eTag });
      },
      getReferral: (call) => {
        const referral = referralOf(call);
        return call.c.json(view(referral), 200, { ETag: referral.eTag });
      },
      updateReferral: {
        before: updatable,
        handle: (call) => {
          const referral = referralOf(call, true);
          preconditions(call, referral);
          if (referral.state === "contested") throw fail(kit.create("99917", call.args));
          const update = call.body as Partial<Pick<Referral, "name" | "status" | "qualification">>;
          const qualification = update.qualification ?? referral.qualification;
          if (update.status === "Active" && !qualification)
            throw fail(kit.create("99919", { ...call.args, target: "qualification" }));
          Object.assign(referral, update);
          changed(referral);
          return call.c.json(view(referral), 200, { ETag: referral.eTag });
        },
      },
      inviteToReferral: (call) => {
        const referral = referralOf(call, true);
        if (referral.state === "contested") throw fail(kit.create("resourceModified", call.args));
        if (referral.status === "Closed") throw fail(kit.create("99911", { ...call.args, target: "status" }));
        return call.c.body(null, 202);
      },
      downloadAttachment: (call) => {
        const referral = referralOf(call);
        const bytes = attachmentOf(call, referral);
        const range = call.c.req.header("range");
        const wanted = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
        if (range && (!wanted || Number(wanted[1]) >= bytes.length)) {
          throw fail(
            kit.forStatus(416, {
              ...call.args,
              code: "rangeNotSatisfiable",
              headers: { "content-range": `bytes */${bytes.length}` },
            }),
          );
        }
        return call.c.body(bytes, 200, { "content-type": "application/octet-stream" });
      },
      deleteAttachment: (call) => {
        const referral = referralOf(call, true);
        attachmentOf(call, referral);
        if (referral.status === "Closed") throw fail(kit.forStatus(405, { ...call.args, code: "methodNotAllowed" }));
        referral.attachments.delete(call.param("attachmentId"));
        return call.c.body(null, 204);
      },
    },
    options,
  );
}
