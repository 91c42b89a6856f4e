/**
 * The coordinators' side of forwarded questions: the list waiting for an answer, answering one in
 * chat (it reaches the asker wherever they asked), turning an answer into a knowledge-base entry,
 * and reloading the knowledge base. Coordinators only.
 */
import { matchCommand, matchCommandRaw, type CommandSpec } from '../../commands.js';
import type { QuestionStore } from '../../answering/ports.js';
import type { Language } from '../../language.js';
import type { Reply } from '../../messages.js';
import type { AccessPolicy } from '../../platforms/access.js';
import type { Outbox } from '../../ports.js';
import type { Feature, TurnContext } from '../../turn.js';
import { shortId } from './ask-feature.js';
import { at } from './texts.js';

export interface KnowledgeAdmin {
  reload(): Promise<{ entries: number; problems: number }>;
  /** Writes a coordinator's answer as a new entry (both languages get the text as written). */
  addEntry(input: { question: string; answer: string; language: Language; by: string; at: Date }): Promise<{ file: string }>;
}

export interface CoordinatorInboxDeps {
  questions: QuestionStore;
  access: AccessPolicy;
  outbox: Outbox;
  admin: KnowledgeAdmin;
}

const WORDS = {
  waiting: ['vragen', 'open vragen', 'questions', 'open questions'],
  reply: ['antwoord', 'answer', 'beantwoord'],
  kbAdd: ['kb toevoegen', 'kb add'],
  kbReload: ['kb herladen', 'kb reload', 'herlaad kennisbank', 'reload knowledge'],
};

export class CoordinatorInboxFeature implements Feature {
  readonly name = 'coordinator-inbox';
  readonly commands: readonly CommandSpec[] = [
    { id: 'waiting', words: WORDS.waiting, scope: 'outside-flow' },
    { id: 'reply', words: WORDS.reply, scope: 'outside-flow', argument: true },
    { id: 'kb-add', words: WORDS.kbAdd, scope: 'outside-flow', argument: true },
    { id: 'kb-reload', words: WORDS.kbReload, scope: 'outside-flow' },
  ];

  constructor(private readonly deps: CoordinatorInboxDeps) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [at(language, 'helpCoordinator')] : [];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    if (turn.message.action) return null;
    const { text } = turn;
    if (matchCommand(text, WORDS.waiting) === '') return this.waiting(turn);
    // "antwoord abc123 …" only with a six-character number: "antwoord" alone may start a question.
    const reply = matchCommandRaw(text, WORDS.reply);
    if (reply !== null && /^[a-z0-9]{6}\b/i.test(reply)) return this.reply(turn, reply);
    const kbAdd = matchCommand(text, WORDS.kbAdd);
    if (kbAdd !== null) return this.kbAdd(turn, kbAdd);
    if (matchCommand(text, WORDS.kbReload) === '') return this.kbReload(turn);
    return null;
  }

  private async waiting(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: at(language, 'onlyCoordinators') }];
    const waiting = await this.deps.questions.waitingForCoordinator(20);
    if (waiting.length === 0) return [{ kind: 'info', text: at(language, 'waitingNone') }];
    const lines = waiting.map((q) => `• ${shortId(q.id)} — ${q.askerName ?? q.userRef ?? '?'}: "${q.text}"`);
    const about = waiting.flatMap((q) => (q.userRef ? [q.userRef] : []));
    return [
      { kind: 'info', ephemeral: true, text: [at(language, 'waitingTitle'), ...lines, '', at(language, 'replyUsage')].join('\n'), about },
    ];
  }

  private async reply(turn: TurnContext, args: string): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: at(language, 'onlyCoordinators') }];
    const [short = '', ...rest] = args.split(/\s+/);
    const answer = rest.join(' ').trim();
    if (!answer) return [{ kind: 'info', text: at(language, 'replyUsage') }];
    const question = await this.findForwarded(short);
    if (!question) return [{ kind: 'info', text: at(language, 'replyUnknown', { id: short }) }];
    await this.deps.questions.reply(question.id, answer, turn.user.ref, turn.clock.now());
    if (question.userRef) {
      await this.deps.outbox.toUser(question.userRef, [
        { kind: 'notice', text: at(question.language, 'replyToAsker', { question: question.text, answer }) },
      ]);
    }
    const about = question.userRef ? [question.userRef] : [];
    return [
      {
        kind: 'info',
        text: at(language, 'replySent', { name: question.askerName ?? question.userRef ?? '?', id: shortId(question.id) }),
        about,
      },
    ];
  }

  private async kbAdd(turn: TurnContext, short: string): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: at(language, 'onlyCoordinators') }];
    const question = short ? await this.findForwarded(short) : null;
    if (!question?.reply) return [{ kind: 'info', text: at(language, 'kbAddUsage') }];
    const { file } = await this.deps.admin.addEntry({
      question: question.text,
      answer: question.reply,
      language: question.language,
      by: turn.user.displayName ?? turn.user.ref,
      at: turn.clock.now(),
    });
    await this.deps.admin.reload();
    return [{ kind: 'info', text: at(language, 'kbAdded', { file }) }];
  }

  private async kbReload(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: at(language, 'onlyCoordinators') }];
    const result = await this.deps.admin.reload();
    const problems = result.problems ? at(language, 'kbProblems', { count: result.problems }) : '';
    return [{ kind: 'info', text: at(language, 'kbReloaded', { entries: result.entries, problems }) }];
  }

  /** Coordinators type the short number shown in lists; it must match exactly one forwarded question. */
  private async findForwarded(short: string) {
    const found = await this.deps.questions.findForwardedByShortId(short.trim().toLowerCase());
    return found;
  }
}
