#!/usr/bin/env node
// Entry point for `npx buurtbot` and `npm start`. The sources are TypeScript; tsx runs them
// directly, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
// `buurtbot … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
