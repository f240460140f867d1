/**
 * The error families `init` offers, each as the files of its error schema and the body of one
 * catalogued code. Each declares its shape with `x-error-shape` (docs/extensions.md).
 */
export type Style = "problem" | "envelope" | "flat";

export const styles: Record<Style, { summary: string; mediaType: string }> = {
  problem: { summary: "RFC 9457 problem details, the code in a `code` member", mediaType: "application/problem+json" },
  envelope: {
    summary: 'an { "error": { code, message, target, innerError } } envelope',
    mediaType: "application/json",
  },
  flat: { summary: "a flat { code, message } object", mediaType: "application/json" },
};

export const isStyle = (value: string): value is Style => Object.hasOwn(styles, value);

/** What one catalogued error says. */
export interface CodeFacts {
  code: string;
  status: number;
  title: string;
}

/** The error schema files of a style: `<Api>Error.yaml` (and the envelope's inner error), by file name. */
export function errorSchemas(style: Style, name: string): Record<string, string> {
  if (style === "problem") {
    return {
      [`${name}Error.yaml`]: `title: ${name} problem details
description: RFC 9457 problem details, served as \`application/problem+json\`, with the error code in \`code\`.
x-error-shape:
  mediaType: application/problem+json
  code: /code
  codeType: string
  message: [/detail, /title]
type: object
properties:
  type:
    type: string
    format: uri-reference
    description: A URI reference that identifies the problem type.
    default: about:blank
  title:
    type: string
    description: A short, human-readable summary of the problem type.
  status:
    type: integer
    minimum: 100
    maximum: 599
    description: The HTTP status code.
  detail:
    type: string
    description: A human-readable explanation specific to this occurrence.
  instance:
    type: string
    format: uri-reference
    description: A URI reference that identifies this occurrence.
  code:
    type: string
    description: The error code. Code against it, never against the title.
`,
    };
  }
  if (style === "envelope") {
    return {
      [`${name}Error.yaml`]: `title: ${name} error response
description: The single JSON object a failed response carries, with one member, \`error\`.
x-error-shape:
  mediaType: application/json
  code: /error/code
  codeType: string
  message: /error/message
  target: /error/target
  innerError: innerError
type: object
required:
  - error
properties:
  error:
    type: object
    required:
      - code
      - message
    properties:
      code:
        type: string
        description: The error code. Code against it, never against the message.
      message:
        type: string
        description: A human-readable message.
      target:
        type: string
        description: What the error is about, such as a field.
      innerError:
        $ref: ./${name}InnerError.yaml
`,
      [`${name}InnerError.yaml`]: `title: ${name} inner error
description: A more specific error, which may nest more; clients use the deepest code they understand.
type: object
properties:
  code:
    type: string
    description: A more specific error code.
  message:
    type: string
    description: A human-readable message.
  innerError:
    $ref: '#'
`,
    };
  }
  return {
    [`${name}Error.yaml`]: `title: ${name} error
description: The JSON object a failed response carries.
x-error-shape:
  mediaType: application/json
  code: /code
  codeType: string
  message: /message
type: object
required:
  - code
  - message
properties:
  code:
    type: string
    description: The error code. Code against it, never against the message.
  message:
    type: string
    description: A human-readable message.
`,
  };
}

/** The body of a catalogued code, as YAML lines under `value:`. */
export function exampleBody(style: Style, facts: CodeFacts): string {
  const title = JSON.stringify(facts.title);
  // Quoted: a code of digits (30011) stays the string the shape's codeType says it is.
  const code = JSON.stringify(facts.code);
  if (style === "problem") {
    return `  type: about:blank\n  title: ${title}\n  status: ${facts.status}\n  code: ${code}\n`;
  }
  if (style === "envelope") return `  error:\n    code: ${code}\n    message: ${title}\n`;
  return `  code: ${code}\n  message: ${title}\n`;
}
