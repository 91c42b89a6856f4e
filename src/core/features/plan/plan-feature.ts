/**
 * The guided Plan van Aanpak conversation. One person at a time talks to it, but several board
 * members work on one plan: each save checks the section's revision, so a concurrent edit is shown
 * instead of silently overwritten. Everything typed is saved at once (a draft before validation).
 */
import { matchCommand, matchCommandRaw, type CommandSpec } from '../../commands.js';
import { pick, type Bilingual, type Language } from '../../language.js';
import type { Reply } from '../../messages.js';
import type { PlanSection, PlanTemplate } from '../../plan/index.js';
import type { AccessPolicy } from '../../platforms/access.js';
import type { CoordinatorNotifier, PlanStore, PlatformRecord, PlatformStore } from '../../platforms/ports.js';
import { GREETINGS } from '../help.js';
import type { Feature, TurnContext } from '../../turn.js';
import { formatDate } from '../../dates.js';
import type { ReviewStore } from '../../review/ports.js';
import { getFlow, type PlanFlowState } from './flow-state.js';
import { planFormProblem } from './form-check.js';
import { pt } from './texts.js';
import { PLAN_COMMANDS, PLAN_WORDS } from './words.js';
import type { PlanSteps } from './plan-steps.js';
import { PlanDocuments } from './plan-documents.js';
import { PlanEditing } from './plan-editing.js';
import { PlanScreens } from './plan-screens.js';
import { confirmButtons, navButtons, stampOf, STEP_ACTIONS } from './plan-views.js';

export interface KnowledgePassage {
  title: string;
  text: string;
  source: string;
}

export interface PlanFeatureDeps {
  platforms: PlatformStore;
  plans: PlanStore;
  access: AccessPolicy;
  /** The default document (opened with `plan`). */
  template: () => PlanTemplate;
  /** Every document, the default one first (a Buurtplan, …: each opened with its template's words). */
  documents?: () => readonly PlanTemplate[];
  notifier: CoordinatorNotifier;
  /** The letter's passage for a knowledge-base topic, shown as coaching with a section. */
  passage?: (topic: string, language: Language) => KnowledgePassage | undefined;
  /** A link to the readable web view of a plan, when the web chat runs. */
  viewLink?: (userRef: string, slug: string) => string | undefined;
  /**
   * With a model configured: what a draft still misses against the section's guidance, as a
   * suggestion shown after a save or a refusal. Bounded in time by its provider; undefined on
   * failure or when nothing is missing. Absent offline.
   */
  coach?: (section: PlanSection, draftText: string, language: Language) => Promise<string | undefined>;
  /** The platform's keuze when it leads away from a Plan van Aanpak; then the flow says so instead of asking. */
  planNotNeeded?: (platformId: string) => Promise<{ label: Bilingual } | null>;
  /** The review rounds: a returned plan shows the coordinators' comments beside its sections. */
  reviews?: ReviewStore;
}

export class PlanFeature implements Feature {
  readonly name = 'plan';
  readonly commands: readonly CommandSpec[];
  private readonly documents: PlanDocuments;
  private readonly screens: PlanScreens;
  private readonly editing: PlanEditing;

  constructor(private readonly deps: PlanFeatureDeps) {
    this.documents = new PlanDocuments(deps.template, deps.documents);
    this.screens = new PlanScreens(deps, this.documents);
    this.editing = new PlanEditing(deps, this.documents, this.screens);
    const words = this.documents.others().flatMap((t) => t.words);
    this.commands = words.length ? [...PLAN_COMMANDS, { id: 'open-document', words, scope: 'anywhere', argument: true }] : PLAN_COMMANDS;
  }

  private templateOf(flow: { document?: string | undefined } | undefined): PlanTemplate {
    return this.documents.of(flow);
  }

  private stepsOf(flow: { document?: string | undefined } | undefined): PlanSteps {
    return this.documents.stepsOf(flow);
  }

  helpLines(language: Language): string[] {
    const others = this.documents
      .others()
      .map(
        (t) =>
          `• \`${t.words[0] ?? t.id}\` — ${t.title[language]} (${pt(language, 'dueBy', { date: formatDate(t.deadline.at, language, { timeZone: t.deadline.timeZone }) })})`,
      );
    return [pt(language, 'helpLine'), ...others];
  }

  checkForm(form: { stepId: string; text: string }, language: Language): string | undefined {
    return planFormProblem(this.documents.ofSection(form.stepId.slice('plan:'.length)), form, language);
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const replies = await this.route(turn);
    return replies ? this.stampButtons(turn, replies) : replies;
  }

  /**
   * Step buttons carry the step they were shown for (`plan:skip@answer/bestuur`), stamped with the
   * state after this turn: pressing "Overslaan" on an old message must not skip the step the person
   * is on now (see handleAction).
   */
  private stampButtons(turn: TurnContext, replies: Reply[]): Reply[] {
    const flow = getFlow(turn.state);
    if (!flow || turn.state.flow !== 'plan') return replies;
    const stamp = stampOf(flow);
    return replies.map((reply) =>
      reply.buttons?.some((b) => STEP_ACTIONS.has(b.id))
        ? { ...reply, buttons: reply.buttons.map((b) => (STEP_ACTIONS.has(b.id) ? { ...b, id: `${b.id}@${stamp}` } : b)) }
        : reply,
    );
  }

  private async route(turn: TurnContext): Promise<Reply[] | null> {
    const action = turn.message.action;
    if (action?.startsWith('plan:')) return this.handleAction(turn, action.slice('plan:'.length));
    if (turn.message.form?.stepId.startsWith('plan:')) {
      const flow = getFlow(turn.state);
      const sectionId = turn.message.form.stepId.slice('plan:'.length);
      const document = this.documents.ofSection(sectionId).id;
      if (!flow) return this.start(turn, undefined, document);
      if (flow.sectionId !== sectionId) {
        flow.sectionId = sectionId;
        flow.document = document;
        flow.mode = 'answer';
        flow.baseRevision = (await this.editing.openPlan(turn, flow))?.sections[sectionId]?.revision ?? 0;
      }
      turn.state.flow = 'plan';
      return this.editing.answer(turn, flow, turn.text);
    }
    const startArg = matchCommandRaw(turn.text, PLAN_WORDS.start);
    // `plan` or `plan <platform>`; a longer line that merely starts with "plan" is a question or an answer.
    if (startArg !== null && (startArg === '' || (startArg.split(/\s+/).length <= 3 && !startArg.endsWith('?')))) {
      return this.start(turn, startArg || undefined, this.deps.template().id);
    }
    for (const document of this.documents.others()) {
      const arg = matchCommandRaw(turn.text, document.words);
      if (arg !== null && (arg === '' || (arg.split(/\s+/).length <= 3 && !arg.endsWith('?'))))
        return this.start(turn, arg || undefined, document.id);
    }
    if (turn.state.flow !== 'plan') return null;
    const flow = getFlow(turn.state);
    if (!flow) {
      turn.state.flow = undefined;
      return null;
    }
    return this.inFlow(turn, flow);
  }

  // --- entering the flow -------------------------------------------------------------------

  private async start(turn: TurnContext, query: string | undefined, document: string): Promise<Reply[]> {
    const { language } = turn;
    const existing = getFlow(turn.state);
    let platform: PlatformRecord | null = null;
    if (query) {
      platform = await this.deps.platforms.find(query);
      if (!platform) return [{ kind: 'plan', text: pt(language, 'unknownPlatform', { query }) }];
    } else if (existing) {
      platform = await this.deps.platforms.bySlug(existing.slug);
    }
    if (!platform) {
      const memberships = await this.deps.platforms.membershipsOf(turn.user.ref);
      if (memberships.length === 0) return [{ kind: 'plan', text: pt(language, 'notMember') }];
      if (memberships.length > 1) {
        return [
          {
            kind: 'plan',
            text: pt(language, 'choosePlatform'),
            buttons: memberships.map((m) => ({
              id: `plan:open:${m.platform.slug}/${document}`,
              label: m.platform.name,
              typed: `${this.templateOf({ document }).words[0] ?? 'plan'} ${m.platform.slug}`,
            })),
          },
        ];
      }
      platform = memberships[0]?.platform ?? null;
    }
    if (!platform) return [{ kind: 'plan', text: pt(language, 'notMember') }];
    if (!(await this.deps.access.canUsePlan(turn.user, platform))) {
      return [{ kind: 'plan', text: pt(language, 'noAccess', { platform: platform.name }) }];
    }
    const away = await this.deps.planNotNeeded?.(platform.id);
    if (away) {
      if (existing?.slug === platform.slug) turn.state.flow = undefined;
      return [{ kind: 'plan', text: pt(language, 'planNotNeeded', { platform: platform.name, label: pick(away.label, language) }) }];
    }
    const resuming = existing?.slug === platform.slug && this.templateOf(existing).id === document;
    const flow: PlanFlowState =
      resuming && existing
        ? { ...existing, mode: 'answer', pending: undefined }
        : { slug: platform.slug, document, baseRevision: 0, mode: 'answer', skipped: [] };
    turn.state.flow = 'plan';
    const template = this.templateOf(flow);
    const plan = await this.deps.plans.load(platform, template.id);
    const intro: Reply = {
      kind: 'plan',
      text: pt(language, resuming ? 'resumed' : 'welcome', { platform: platform.name, document: template.title.nl }),
    };
    const returned = await this.screens.returnedNote(plan, template, language);
    if (returned) intro.text += `\n\n${returned.text}`;
    const current = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    // A returned plan opens at the first part a coordinator commented on.
    const section =
      returned?.first ?? (current && !this.stepsOf(flow).isDone(current, plan) ? current : this.stepsOf(flow).next(plan, flow, undefined));
    return [intro, ...(await this.screens.askOrFinish(turn, flow, plan, section))];
  }

  private async handleAction(turn: TurnContext, stamped: string): Promise<Reply[] | null> {
    const [action = stamped, stamp] = stamped.split('@');
    if (stamp !== undefined) {
      const current = getFlow(turn.state);
      if (!current || turn.state.flow !== 'plan' || stampOf(current) !== stamp) return this.screens.staleButton(turn, current);
    }
    if (action === 'open-own') return this.start(turn, undefined, this.deps.template().id);
    if (action.startsWith('open:')) {
      const [slug = '', document = this.deps.template().id] = action.slice('open:'.length).split('/');
      return this.start(turn, slug, document);
    }
    const flow = getFlow(turn.state);
    if (!flow) return this.start(turn, undefined, this.deps.template().id);
    turn.state.flow = 'plan';
    switch (action) {
      case 'skip':
        return this.editing.skip(turn, flow);
      case 'back':
        return this.editing.back(turn, flow);
      case 'overview':
        return this.screens.overview(turn, flow);
      case 'pause':
        return this.editing.pause(turn);
      case 'submit':
        return this.editing.submit(turn, flow);
      case 'resume':
        return this.editing.resume(turn, flow);
      case 'example':
        return this.editing.example(turn, flow);
      case 'yes':
        return this.editing.confirm(turn, flow, true);
      case 'no':
        return this.editing.confirm(turn, flow, false);
      default:
        if (action.startsWith('edit:')) return this.editing.goTo(turn, flow, action.slice('edit:'.length));
        return null;
    }
  }

  // --- inside the flow ---------------------------------------------------------------------

  private async inFlow(turn: TurnContext, flow: PlanFlowState): Promise<Reply[] | null> {
    const text = turn.text;
    const is = (words: readonly string[]) => matchCommand(text, words) === '';
    if (flow.mode !== 'answer') {
      if (is(PLAN_WORDS.yes)) return this.editing.confirm(turn, flow, true);
      if (is(PLAN_WORDS.no)) return this.editing.confirm(turn, flow, false);
    }
    if (is(PLAN_WORDS.help)) return [{ kind: 'plan', text: pt(turn.language, 'help'), buttons: navButtons(turn.language) }];
    if (is(PLAN_WORDS.skip)) return this.editing.skip(turn, flow);
    if (is(PLAN_WORDS.back)) return this.editing.back(turn, flow);
    if (is(PLAN_WORDS.overview)) return this.screens.overview(turn, flow);
    if (is(PLAN_WORDS.pause)) return this.editing.pause(turn);
    if (is(PLAN_WORDS.submit)) return this.editing.submit(turn, flow);
    if (is(PLAN_WORDS.resume)) return this.editing.resume(turn, flow);
    if (is(PLAN_WORDS.example)) return this.editing.example(turn, flow);
    if (is(PLAN_WORDS.history)) return this.editing.history(turn, flow);
    const target = matchCommandRaw(text, PLAN_WORDS.edit);
    if (target !== null && target !== '' && target.split(/\s+/).length <= 4) return this.editing.goTo(turn, flow, target);
    // A question in between ("vraag ..." or a short line ending in "?") goes to the knowledge base;
    // the flow stays where it is and the answer reminds how to come back.
    if (matchCommandRaw(text, PLAN_WORDS.ask) !== null || (text.endsWith('?') && text.split(/\s+/).length < 15)) return null;
    if (flow.mode !== 'answer')
      return [{ kind: 'plan', text: pt(turn.language, 'answerYesNo'), buttons: confirmButtons(turn.language, flow) }];
    // A greeting alone is never an answer: the help feature greets back and the saved draft stays.
    if (is(GREETINGS)) return null;
    return this.editing.answer(turn, flow, text);
  }
}
