import { matchCommand, type CommandSpec } from '../commands.js';
import type { Reply } from '../messages.js';
import type { UserStore } from '../ports.js';
import { t } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

const ENGLISH = ['english', 'engels', 'in english', 'speak english'];
const DUTCH = ['nederlands', 'dutch', 'in het nederlands', 'nl'];

/** `english` / `nederlands`: a lasting language choice for this person on every surface. */
export class LanguageFeature implements Feature {
  readonly name = 'language';
  readonly commands: readonly CommandSpec[] = [
    { id: 'english', words: ENGLISH, scope: 'anywhere' },
    { id: 'dutch', words: DUTCH, scope: 'anywhere' },
  ];
  constructor(private readonly users: UserStore) {}

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const english = matchCommand(turn.text, ENGLISH) === '' || turn.message.action === 'language:en';
    const dutch = matchCommand(turn.text, DUTCH) === '' || turn.message.action === 'language:nl';
    if (!english && !dutch) return null;
    turn.language = english ? 'en' : 'nl';
    await this.users.setLanguage(turn.user.ref, turn.language);
    return [{ kind: 'info', text: t(turn.language, 'language.set') }];
  }
}
