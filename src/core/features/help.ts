import { matchCommand } from '../commands.js';
import type { Language } from '../language.js';
import type { Reply } from '../messages.js';
import { t } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

export const HELP_WORDS = ['help', 'hulp', 'help me', 'wat kun je', 'what can you do', '?', 'menu'] as const;
const GREETING_WORDS = ['hallo', 'hoi', 'hey', 'hi', 'hello', 'goedemorgen', 'goedemiddag', 'goedenavond', 'good morning', 'start', 'begin'];

/** Greets, and lists what every feature can do (each feature contributes its own lines). */
export class HelpFeature implements Feature {
  readonly name = 'help';
  constructor(private readonly features: () => readonly Feature[]) {}

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    if (turn.message.action === 'help' || matchCommand(turn.text, HELP_WORDS) === '') {
      return [this.overview(turn.language)];
    }
    if (matchCommand(turn.text, GREETING_WORDS) === '') {
      const name = turn.user.displayName ?? '';
      return [
        { kind: 'info', text: t(turn.language, 'greeting', { name }).replace(/\s+!/, '!') },
        this.overview(turn.language),
      ];
    }
    return null;
  }

  overview(language: Language): Reply {
    const lines = [t(language, 'help.intro'), t(language, 'help.ask')];
    for (const feature of this.features()) lines.push(...(feature.helpLines?.(language) ?? []));
    lines.push('', t(language, 'help.footer'));
    return { kind: 'info', text: lines.join('\n') };
  }
}
