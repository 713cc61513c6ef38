#!/usr/bin/env node
// The installed `sift` command: Node 22.18+ runs the TypeScript sources directly.
const { runCli } = await import('../src/main/cli/sift.ts');
process.exitCode = await runCli(process.argv.slice(2));
