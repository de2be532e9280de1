#!/usr/bin/env node
// `npx newsdesk <verb> ...`: the command line without npm's banner on stdout, so `--json` pipes cleanly.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
