import { SarifBuilder, type SarifRunBuilder } from "node-sarif-builder";

/** One run as a SARIF 2.1.0 log, indented: what `diff` and `check` print for `--format sarif`. */
export function sarifLog(run: SarifRunBuilder): string {
  const sarif = new SarifBuilder({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [],
  });
  sarif.addRun(run);
  return sarif.buildSarifJsonString({ indent: true });
}
