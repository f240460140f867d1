/** The landing page's words (`ui.landing.*`), in English. */
export const landingText: Record<string, string> = {
  "ui.landing.product": "Error contracts",
  "ui.landing.title": "API error reference",
  "ui.landing.lead":
    "Every error code the APIs return: its HTTP status, what it means, whether a retry can succeed, and " +
    "where the reference documents it.",
  "ui.landing.statApis": "APIs",
  "ui.landing.statCodes": "error codes",
  "ui.landing.statStatuses": "HTTP error statuses",
  "ui.landing.language": "Language",
  "ui.landing.apisHeading": "APIs",
  "ui.landing.apiCode": "code",
  "ui.landing.apiCodes": "codes",
  "ui.landing.apiStatuses": "error statuses",
  "ui.landing.apiOpen": "Open the reference",
  "ui.landing.matrixHeading": "Error matrix",
  "ui.landing.matrixLead":
    "API families down, HTTP statuses across. A number counts the codes that come with the status: select " +
    "it to list them. A dot marks a status the family documents without a code of its own.",
  "ui.landing.matrixFamily": "Family",
  "ui.landing.matrixNoCodes": "documented, no code in the catalog",
  "ui.landing.catalogHeading": "Error catalog",
  "ui.landing.catalogLead":
    "Search by code, message or description. Every code has a stable link (its # anchor) to quote in " +
    "support tickets and logs.",
  "ui.landing.search": "Search codes, messages and descriptions",
  "ui.landing.allFamilies": "All families",
  "ui.landing.allStatuses": "All statuses",
  "ui.landing.anyRetry": "Retryable or not",
  "ui.landing.retryableOnly": "Retryable",
  "ui.landing.notRetryable": "Not retryable",
  "ui.landing.clear": "Clear",
  "ui.landing.countShowing": "Showing",
  "ui.landing.countOf": "of",
  "ui.landing.countCodes": "codes",
  "ui.landing.noMatch": "No code matches. Clear the filters, or search for part of a code or message.",
  "ui.landing.colCode": "Code",
  "ui.landing.colStatus": "Status",
  "ui.landing.colFamily": "Family",
  "ui.landing.colMessage": "Message",
  "ui.landing.colDescription": "Description",
  "ui.landing.colRetryable": "Retryable",
  "ui.landing.colDocs": "Documented at",
  "ui.landing.yes": "Yes",
  "ui.landing.no": "No",
  "ui.landing.innerCode": "in innerError",
  "ui.landing.wireMessage": "The response says",
  "ui.landing.permalink": "Link to this code",
  "ui.landing.footer":
    "Built from the OpenAPI contracts by error-contracts. Do not edit this page: change openapi/ and " + "rebuild.",
};
