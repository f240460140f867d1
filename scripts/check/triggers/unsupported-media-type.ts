import { derive, type TriggerKind } from "./trigger.js";

/** The body as `text/plain`, on an operation with a JSON body that documents 415. */
export const unsupportedMediaType: TriggerKind = {
  kind: "unsupported-media-type",
  make({ plan, documents }) {
    if (!plan.body || !documents(415)) return [];
    return [
      {
        info: {
          kind: "unsupported-media-type",
          description: "Content-Type: text/plain",
          expects: [415],
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { headers: { "content-type": "text/plain" } }),
        write: false,
        needsToken: true,
      },
    ];
  },
};
