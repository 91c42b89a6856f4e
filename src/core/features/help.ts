import { matchCommand, type CommandSpec } from '../commands.js';
import type { Language } from '../language.js';
import type { Button, Reply } from '../messages.js';
import type { UserRecord } from '../ports.js';
import type { ConversationState } from '../state.js';
import { t } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

export const HELP_WORDS = ['help', 'hulp', 'help me', 'wat kun je', 'what can you do', '?', 'menu'] as const;
/** Words that only greet: never an answer to anything (the plan flow checks them too). */
export const GREETINGS = ['hallo', 'hoi', 'hey', 'hi', 'hello', 'goedemorgen', 'goedemiddag', 'goedenavond', 'good morning'];
const GREETING_WORDS = [...GREETINGS, 'start', 'begin'];

const IN_PLAN = {
  nl: 'Je was bezig met het Plan van Aanpak: typ `plan` om verder te gaan waar je was.',
  en: 'You were working on the Plan van Aanpak: type `plan` to continue where you were.',
} as const;

/**
 * Greets, and lists what every feature can do (each feature contributes its own lines). The first
 * greeting shows everything; later ones stay short, so reopening the chat is not a wall of text.
 */
export class HelpFeature implements Feature {
  readonly name = 'help';
  // Inside the plan flow `hulp` is the plan's own help; greetings are never a plan answer (the plan passes them on).
  readonly commands: readonly CommandSpec[] = [
    { id: 'help', words: HELP_WORDS, scope: 'outside-flow' },
    { id: 'greeting', words: GREETING_WORDS, scope: 'outside-flow' },
  ];
  constructor(
    private readonly features: () => readonly Feature[],
    private readonly isCoordinator: (user: UserRecord) => Promise<boolean>,
  ) {}

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    if (turn.message.action === 'help' || matchCommand(turn.text, HELP_WORDS) === '') {
      return [await this.overview(turn.language, turn.user)];
    }
    if (matchCommand(turn.text, GREETING_WORDS) === '') {
      const name = turn.user.displayName ?? '';
      const greeting = t(turn.language, turn.state.greeted ? 'greeting.again' : 'greeting', { name }).replace(/\s+!/, '!');
      if (turn.state.greeted) return [{ kind: 'info', text: greeting, buttons: this.startButtons(turn.language) }];
      turn.state.greeted = true;
      return [{ kind: 'info', text: greeting }, await this.overview(turn.language, turn.user)];
    }
    return null;
  }

  /**
   * The greeting when a chat is opened (engine.open): the same words as a typed greeting, but
   * nothing is stored, so the first-time overview shows until the person has written once.
   */
  async opening(input: {
    user: UserRecord | null;
    name: string;
    language: Language;
    state: ConversationState | undefined;
  }): Promise<Reply[]> {
    const { language, state } = input;
    const returning = state !== undefined;
    const greeting = t(language, returning ? 'greeting.again' : 'greeting', { name: input.name }).replace(/\s+!/, '!');
    if (!returning) return [{ kind: 'info', text: greeting }, await this.overview(language, input.user)];
    const text = state.flow === 'plan' ? `${greeting}\n\n${IN_PLAN[language]}` : greeting;
    return [{ kind: 'info', text, buttons: this.startButtons(language) }];
  }

  async overview(language: Language, user: UserRecord | null): Promise<Reply> {
    const audience = { coordinator: user ? await this.isCoordinator(user) : false };
    const lines = [t(language, 'help.intro'), t(language, 'help.ask')];
    for (const feature of this.features()) lines.push(...(feature.helpLines?.(language, audience) ?? []));
    lines.push('', t(language, 'help.footer'));
    return { kind: 'info', text: lines.join('\n'), buttons: this.startButtons(language) };
  }

  private startButtons(language: Language): Button[] {
    return [
      { id: 'plan:open-own', label: t(language, 'button.plan'), typed: 'plan', style: 'primary' },
      { id: 'help', label: t(language, 'button.help'), typed: t(language, 'typed.help') },
    ];
  }
}
