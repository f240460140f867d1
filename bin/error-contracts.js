#!/usr/bin/env node
// The error-contracts command. Its code is TypeScript (scripts/), run through tsx.
import { register } from "tsx/esm/api";

register();
await import("../scripts/cli.ts");
