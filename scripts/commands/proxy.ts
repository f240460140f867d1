import path from "node:path";
import { parseArgs } from "node:util";
import { formatFinding } from "../check/formats/text.js";
import { loadContract } from "../check/load.js";
import { startProxy } from "../check/proxy.js";
import { harRecorder, integerOption, outputOptions, outputUsage, readOutput, report, urlOption } from "./check.js";
import { bundleArgument, type Command } from "./command.js";

export const proxyCommand: Command = {
  name: "proxy",
  usage: `error-contracts proxy <api | bundle> --target <url> [--port <n>] [--host <host>] [options]

  api                  an API of generated/ (messaging, partner, …), or a bundled openapi.yaml
  --target <url>       the server, with its base path; clients call the proxy with the same paths
  --port <n>           the port (default 4020; 0 picks a free one)
  --host <host>        the address to listen on (default 127.0.0.1)
  --har <file>         on Ctrl-C, also write the traffic as HAR, for \`error-contracts verify\`
${outputUsage}

Forwards every request and answers with the server's bytes unchanged; prints each response that
breaks the contract as it passes (with a curl line), and on Ctrl-C the findings and coverage in
--format. Exit codes as check's.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        target: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        har: { type: "string" },
        ...outputOptions,
      },
    });
    const spec = bundleArgument(positionals, "proxy");
    const target = urlOption("target", values.target);
    const output = readOutput(values);
    const port = integerOption("port", values.port, 4020, 0, 65535);
    const contract = await loadContract(spec);
    const har = harRecorder(values.har);
    const proxy = await startProxy(contract, target, {
      port,
      host: values.host ?? "127.0.0.1",
      ...(output.only ? { only: output.only } : {}),
      onFinding: (finding) => io.err(formatFinding(finding)),
      onUnmatched: ({ request, response }) =>
        io.err(
          `unmatched ${request.method} ${new URL(request.url).pathname}  ${response.status}: no operation of the contract`,
        ),
      ...har.options,
    });
    io.err(`proxy    ${path.relative(process.cwd(), spec) || spec}: ${proxy.url} → ${target}. Ctrl-C stops it.`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await proxy.close();
    har.write();
    const { unmatched } = proxy;
    return report(io, proxy.session.result(proxy.session.judged + unmatched), output, {
      title: `traffic through ${proxy.url} to ${target}${unmatched ? ` (${unmatched} for no operation of it)` : ""}`,
      contract,
    });
  },
};
