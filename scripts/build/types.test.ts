import { describe, expect, it } from "vitest";
import { renderTypes } from "./types.js";

/** A request body that carries `text`, `attachments` or both, written as JSON Schema says it: `anyOf` of `required`. */
const doc = (schema: Record<string, unknown>) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/messages": {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Send" } } } },
        responses: { "204": { description: "sent" } },
      },
    },
  },
  components: { schemas: { Send: schema } },
});

const send = {
  type: "object",
  description: "Text, attachments or both.",
  anyOf: [{ required: ["text"] }, { required: ["attachments"] }],
  properties: {
    text: { type: "string", description: "The text." },
    attachments: { type: "array", items: { type: "string" } },
  },
};

/** The members of `components.schemas.Send` as openapi-typescript printed them, on one line. */
async function sendType(schema: Record<string, unknown>): Promise<string> {
  const text = await renderTypes(doc(schema), [], "openapi/t/openapi.yaml", "npm run build");
  const start = text.indexOf("Send:");
  const end = text.indexOf(";\n    };", start);
  return text
    .slice(start, end)
    .replace(/\/\*\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ");
}

describe("renderTypes: request bodies", () => {
  it("types each anyOf branch of required members with the schema's properties, not as unknown", async () => {
    expect(await sendType(send)).toBe(
      "Send: { text: string; attachments?: string[]; } | { text?: string; attachments: string[]; }",
    );
  });

  it("does the same for oneOf, and keeps members the schema itself requires in every branch", async () => {
    const { anyOf, properties, ...rest } = send;
    const schema = {
      ...rest,
      oneOf: anyOf,
      required: ["kind"],
      properties: { ...properties, kind: { type: "string" } },
    };
    expect(await sendType(schema)).toBe(
      "Send: { text: string; attachments?: string[]; kind: string; } | { text?: string; attachments: string[]; kind: string; }",
    );
  });

  it("leaves branches that say more than which members are required as they are", async () => {
    const schema = { ...send, anyOf: [{ required: ["text"], properties: { text: { minLength: 1 } } }, send.anyOf[1]] };
    expect(await sendType(schema)).toContain("| unknown");
  });

  it("keeps the JSDoc of each property", async () => {
    const text = await renderTypes(doc(send), [], "openapi/t/openapi.yaml", "npm run build");
    expect(text.match(/@description The text\./g)).toHaveLength(2);
  });
});
