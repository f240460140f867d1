import { endQuietlyOnClosedOutput } from "./core/lifetime.js";
import { runCommandLine } from "./run.js";

// The process entry of `error-contracts`: the command line, its exit code, and a closed stdout
// (`| head`) ending it quietly.
endQuietlyOnClosedOutput();
process.exitCode = await runCommandLine(process.argv.slice(2));
