/**
 * SLACK_ANNOUNCE_CHANNEL and SLACK_COORDINATOR_CHANNEL may be ids (C0123…) or names (#buurtbot or
 * buurtbot). Names are looked up once at startup with conversations.list, page by page; a name that
 * is not found is reported clearly and that kind of post is skipped rather than sent somewhere else.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { errorSummary } from './identity.js';

const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;

export interface ChannelSettings {
  announcements?: string | undefined;
  coordinators?: string | undefined;
}

export async function resolveChannels(client: webApi.WebClient, wanted: ChannelSettings, logger: Logger): Promise<ChannelSettings> {
  const names = Object.values(wanted).filter((v): v is string => typeof v === 'string' && !CHANNEL_ID.test(v));
  let byName = new Map<string, string>();
  if (names.length) {
    try {
      byName = await listChannels(client);
    } catch (error) {
      logger.error(
        { err: errorSummary(error) },
        'could not list Slack channels (needs the channels:read and groups:read scopes); channel posts are off',
      );
    }
  }
  const resolve = (variable: string, value: string | undefined): string | undefined => {
    if (!value) return undefined;
    if (CHANNEL_ID.test(value)) return value;
    const id = byName.get(normalizeName(value));
    if (!id) {
      logger.error(
        { variable, channel: value },
        `${variable}: Slack channel "${value}" not found; check the name, or invite the bot to a private channel`,
      );
    }
    return id;
  };
  return {
    announcements: resolve('SLACK_ANNOUNCE_CHANNEL', wanted.announcements),
    coordinators: resolve('SLACK_COORDINATOR_CHANNEL', wanted.coordinators),
  };
}

function normalizeName(name: string): string {
  return name.trim().replace(/^#/, '').toLowerCase();
}

async function listChannels(client: webApi.WebClient): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | undefined;
  // 200 per page is Slack's recommended maximum; stop after 50 pages as a guard against loops.
  for (let page = 0; page < 50; page += 1) {
    const result = await client.conversations.list({
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const channel of result.channels ?? []) {
      if (channel.id && channel.name) out.set(channel.name.toLowerCase(), channel.id);
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return out;
}
