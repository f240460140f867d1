/**
 * The Partner API's reference server: a partner's customers in memory, every documented error from
 * `generated/partner/server.ts`. The family catalogues one code (`unAuthorized`); its other statuses
 * take a code of the implementer's choice, here named after the status. The requests that reach each
 * error: triggers.ts beside this file.
 */
import { ContractError, partnerServer as kit } from "../../../generated/partner/server.js";
import { type ReferenceOptions, referenceApp } from "../lib/reference-app.js";

/** Seeded customers: `c-1` can be removed; `c-protected` never (405); `c-active` has subscriptions (409); `c-sovereign`'s cloud has no usage (501). */
export const CUSTOMERS = ["c-1", "c-protected", "c-active", "c-sovereign"] as const;

export function createApp(options: ReferenceOptions = {}) {
  const customers = new Map<string, { id: string; companyName: string; eTag: string }>(
    CUSTOMERS.map((id, i) => [id, { id, companyName: `Customer ${i + 1}`, eTag: `"${i + 1}"` }]),
  );
  const customerOf = (id: string, args: object) => {
    const customer = customers.get(id);
    if (!customer) throw new ContractError(kit.forStatus(404, { ...args, code: "notFound", target: "customerId" }));
    return customer;
  };
  const view = ({ eTag: _, ...customer }: { id: string; companyName: string; eTag: string }) => ({
    ...customer,
    relationshipToPartner: "reseller",
  });

  return referenceApp(
    kit,
    {
      unauthenticated: (_, { args }) => kit.create("unAuthorized", { ...args, target: "customers" }),
      forbidden: ({ args }) => kit.forStatus(403, { ...args, code: "forbidden" }),
      throttled: (retryAfter, { args }) => kit.forStatus(429, { ...args, retryAfter, code: "tooManyRequests" }),
    },
    {
      listCustomers: ({ c }) => {
        const items = [...customers.values()].map(view);
        return c.json({ items, totalCount: items.length });
      },
      getCustomer: ({ c, param, args }) => {
        const customer = customerOf(param("customerId"), args);
        return c.json(view(customer), 200, { ETag: customer.eTag });
      },
      deleteCustomer: ({ c, param, args }) => {
        const customer = customerOf(param("customerId"), args);
        if (customer.id === "c-protected")
          throw new ContractError(kit.forStatus(405, { ...args, code: "methodNotAllowed" }));
        if (c.req.header("if-match") !== customer.eTag) {
          throw new ContractError(kit.forStatus(412, { ...args, code: "preconditionFailed", target: "If-Match" }));
        }
        if (customer.id === "c-active") throw new ContractError(kit.forStatus(409, { ...args, code: "conflict" }));
        customers.delete(customer.id);
        return c.body(null, 204);
      },
      getCustomerUsage: ({ c, param, args }) => {
        const customer = customerOf(param("customerId"), args);
        if (customer.id === "c-sovereign")
          throw new ContractError(kit.forStatus(501, { ...args, code: "notImplemented" }));
        return c.json({ customerId: customer.id, currency: "EUR", totalCost: 1234.5 });
      },
    },
    options,
  );
}
