/**
 * "Apparaat koppelen": continue the web chat on another device. The person gets a one-time code
 * and link (short expiry, stored hashed); opening it in another browser makes that browser them.
 * Only in the web chat: there the reply is private, and the code moves a web session only.
 */
import { matchCommand, type CommandSpec } from '../commands.js';
import type { Bilingual, Language } from '../language.js';
import type { Reply } from '../messages.js';
import { textCatalog } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

/** Chosen not to clash: no other feature uses "koppel", "apparaat" or "device". */
export const DEVICE_LINK_WORDS = [
  'apparaat koppelen',
  'koppel apparaat',
  'ander apparaat',
  'link device',
  'other device',
  'another device',
];

const T = {
  link: {
    nl: 'Verder op een ander apparaat? Open daar binnen {minutes} minuten deze link:\n{url}\nOf ga daar naar {page} en typ de code *{code}*.\nDe code werkt één keer. Deel hem met niemand: wie hem gebruikt, is in de chat jou.',
    en: 'Continue on another device? Open this link there within {minutes} minutes:\n{url}\nOr go to {page} there and type the code *{code}*.\nThe code works once. Share it with nobody: whoever uses it is you in the chat.',
  },
  webOnly: { nl: 'Een ander apparaat koppelen kan in de webchat.', en: 'Linking another device works in the web chat.' },
  off: { nl: 'Koppelen kan nu niet: de webchat draait niet.', en: 'Linking is not possible now: the web chat is not running.' },
  helpLine: {
    nl: '• `apparaat koppelen` — verder op een ander apparaat (webchat)',
    en: '• `link device` — continue on another device (web chat)',
  },
} satisfies Record<string, Bilingual>;

const tt = textCatalog(T);

export type LoginLinkFor = (userRef: string) => Promise<{ url: string; code: string; loginPage: string; expiresAt: Date } | undefined>;

export class DeviceLinkFeature implements Feature {
  readonly name = 'device-link';
  readonly commands: readonly CommandSpec[] = [{ id: 'link', words: DEVICE_LINK_WORDS, scope: 'anywhere' }];
  constructor(private readonly loginLink: LoginLinkFor) {}

  helpLines(language: Language): string[] {
    return [tt(language, 'helpLine')];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    if (turn.message.action !== 'device-link' && matchCommand(turn.text, DEVICE_LINK_WORDS) !== '') return null;
    const { language } = turn;
    if (turn.message.surface !== 'web') return [{ kind: 'info', text: tt(language, 'webOnly') }];
    const link = await this.loginLink(turn.user.ref);
    if (!link) return [{ kind: 'info', text: tt(language, 'off') }];
    const minutes = Math.round((link.expiresAt.getTime() - turn.clock.now().getTime()) / 60_000);
    return [
      {
        kind: 'info',
        ephemeral: true,
        secret: true,
        text: tt(language, 'link', { minutes, url: link.url, page: link.loginPage, code: link.code }),
      },
    ];
  }
}
