// The turn worker's entry point. A worker thread does not inherit the tsx loader the main thread
// registered (bin/buurtbot.js calls register() from tsx/esm/api): register it here, then load the
// TypeScript worker. Plain JavaScript, so Node can load it without any loader.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
