/**
 * docs/screens.md shows what people see in Slack and Discord; it is rendered from real turns by
 * `npm run docs:screens`. This keeps it true: a change to a text, a renderer or the knowledge base
 * that changes a screen fails here until the file is rendered again (and looked at).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderScreens } from '../../scripts/render-screens.js';

describe('docs/screens.md', () => {
  it('is what the bot renders today (run `npm run docs:screens` after changing a screen)', async () => {
    const current = fs.readFileSync(new URL('../../docs/screens.md', import.meta.url), 'utf8');
    expect(await renderScreens()).toBe(current);
  });
});
