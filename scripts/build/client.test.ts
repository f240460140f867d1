import { describe, expect, it } from "vitest";
import { apiIds, bundle, catalog } from "../../test/helpers/openapi.js";
import { describeFamily, errorStatuses } from "./client.js";

describe("what the build tells each client's runtime", () => {
  it.each(apiIds)("%s: the code's wire type, checked body members, correlation header", (api) => {
    const family = catalog.families.find((f) => f.apis.includes(api))!;
    const described = describeFamily(bundle(api), family);
    const codeType = typeof family.errors[0]!.code;
    expect(described.codeType).toBe(codeType);
    // The member holding the code is checked with the code's type, whatever the shape.
    const members = Object.values(described.body).flat();
    expect(members.some(([name, type]) => /^(code|errorCode)$/.test(name) && type === codeType)).toBe(true);
    // A correlation header exactly where the family's error responses declare one.
    const declared = family.statuses.some(
      (s) =>
        s.status >= 400 &&
        Object.keys(bundle(api).components.responses[s.response]?.headers ?? {}).some((h) => /correlation/i.test(h)),
    );
    expect(described.correlationHeader !== undefined).toBe(declared);
  });

  it.each(apiIds)("%s: each operation's 4xx and 5xx statuses", (api) => {
    const statuses = errorStatuses(bundle(api));
    expect(statuses.size).toBeGreaterThan(0);
    for (const [operation, codes] of statuses) {
      const [method, route] = operation.split(" ");
      const documented = Object.keys(bundle(api).paths[route!][method!].responses).map(Number);
      expect(codes).toEqual(documented.filter((s) => s >= 400).sort((a, b) => a - b));
    }
  });
});
