#!/usr/bin/env node
// Entry point for `npx buurtbot` and `npm start`. The sources are TypeScript; tsx runs them
// directly, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
