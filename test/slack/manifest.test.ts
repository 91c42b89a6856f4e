/**
 * The app manifest an admin pastes into Slack must ask for exactly what the code uses: the events
 * the listeners handle, the scopes behind the Web API calls, the slash command, interactivity.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { SLASH_COMMAND } from '../../src/adapters/slack/listeners.js';
import { ROOT_DIR } from '../../src/config/load.js';

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: Array<{ command: string }>;
    assistant_view?: unknown;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = YAML.parse(fs.readFileSync(path.join(ROOT_DIR, 'slack-manifest.yaml'), 'utf8')) as Manifest;

describe('slack-manifest.yaml', () => {
  it('asks for the scopes the bot uses, and no others', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read',
        'assistant:write',
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
        'im:write',
        'reactions:write',
        'users:read',
      ].sort(),
    );
  });

  it('subscribes to the events the listeners handle', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      ['app_home_opened', 'app_mention', 'assistant_thread_started', 'message.im', 'team_join', 'user_change'].sort(),
    );
  });

  it('declares /buurtbot, interactivity, the Home tab and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
