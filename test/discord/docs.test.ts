/**
 * docs/discord.md must match what the code asks for: the invite permissions, the scopes, the
 * intents and every Discord setting of the config schema.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { INTENTS, INVITE_PERMISSIONS, inviteUrl } from '../../src/adapters/discord/client.js';
import { configVariables } from '../../src/config/load.js';

const doc = fs.readFileSync(new URL('../../docs/discord.md', import.meta.url), 'utf8');

describe('docs/discord.md', () => {
  it('gives the invite link with the permissions and scopes the bot uses', () => {
    expect(doc).toContain(`permissions=${INVITE_PERMISSIONS.toString()}`);
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(doc).toContain(`scope=${url.searchParams.get('scope')?.replace(' ', '+')}`);
    for (const name of ['View Channels', 'Send Messages', 'Send Messages in Threads', 'Embed Links', 'Read Message History'])
      expect(doc).toContain(name);
  });

  it('explains the privileged Message Content intent, which the bot requests', () => {
    expect(INTENTS).toContain(GatewayIntentBits.MessageContent);
    expect(doc).toMatch(/Message Content Intent/);
    expect(doc).toMatch(/privileged/);
  });

  it('documents every DISCORD_ variable of the config schema', () => {
    const variables = configVariables().filter((v) => v.startsWith('DISCORD_'));
    expect(variables.length).toBeGreaterThanOrEqual(6);
    for (const v of variables) expect(doc).toContain(`\`${v}\``);
  });
});
