import { describe, expect, it } from "vitest";
import { camelCase, pascalCase } from "./names.js";

describe("identifiers from API and family ids", () => {
  it.each([
    ["referrals", "Referrals", "referrals"],
    ["sales-extension", "SalesExtension", "salesExtension"],
    ["github-v3-rest-api", "GithubV3RestApi", "githubV3RestApi"],
    // An id may start with a digit (a title such as "3scale Account Management"); an identifier may not.
    ["3scale-account-management", "Api3scaleAccountManagement", "api3scaleAccountManagement"],
    ["x_y", "XY", "xY"],
  ])("%s → %s, %s", (id, pascal, camel) => {
    expect(pascalCase(id)).toBe(pascal);
    expect(camelCase(id)).toBe(camel);
  });
});
