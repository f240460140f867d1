import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cspHash, cspMeta } from "./csp.js";

describe("the Content-Security-Policy", () => {
  const cases: { name: string; got: () => string; want: string }[] = [
    {
      name: "cspHash is the base64 SHA-256 of the text",
      got: () => cspHash("x"),
      want: `'sha256-${createHash("sha256").update("x").digest("base64")}'`,
    },
    {
      name: "it fetches nothing and runs only the hashed scripts",
      got: () => contentSecurityPolicy(["a"], "unsafe-inline"),
      want:
        `default-src 'none'; script-src ${cspHash("a")}; style-src 'unsafe-inline'; ` +
        "img-src data:; font-src data:; " +
        "connect-src 'none'; base-uri 'none'; form-action 'none'",
    },
    {
      name: "it lets hashed styles only, when given them",
      got: () => contentSecurityPolicy([], ["p {}"]),
      want:
        `default-src 'none'; script-src ; style-src ${cspHash("p {}")}; img-src data:; font-src data:; ` +
        "connect-src 'none'; base-uri 'none'; form-action 'none'",
    },
    {
      name: "its meta element quotes the policy as an attribute",
      got: () => String(cspMeta("script-src 'sha256-a'")),
      want: '<meta http-equiv="Content-Security-Policy" content="script-src &#39;sha256-a&#39;">',
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toBe(want);
  });
});
