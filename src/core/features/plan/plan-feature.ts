/**
 * The guided Plan van Aanpak conversation. One person at a time talks to it, but several board
 * members work on one plan: each save checks the section's revision, so a concurrent edit is shown
 * instead of silently overwritten. Everything typed is saved at once (a draft before validation).
 */
import { matchCommand, matchCommandRaw, type CommandSpec } from '../../commands.js';
import { pick, type Bilingual, type Language } from '../../language.js';
import type { Button, Reply } from '../../messages.js';
import {
  canSubmit,
  findSection,
  overview,
  previousSection,
  validateAnswer,
  type PlanSection,
  type PlanTemplate,
  type SectionValue,
} from '../../plan/index.js';
import type { AccessPolicy } from '../../platforms/access.js';
import type { CoordinatorNotifier, PlanStore, PlatformRecord, PlatformStore, StoredPlan } from '../../platforms/ports.js';
import { GREETINGS } from '../help.js';
import type { Feature, TurnContext } from '../../turn.js';
import { formatDate } from '../../dates.js';
import { planStatusLabel } from '../../plan/status.js';
import type { ReviewStore } from '../../review/ports.js';
import { currentRound, lastReturn, openComments } from '../../review/rounds.js';
import { getFlow, setFlow, type PlanFlowState } from './flow-state.js';
import { planFormProblem } from './form-check.js';
import { BUTTON_LABELS, pt } from './texts.js';
import { PLAN_COMMANDS, PLAN_WORDS } from './words.js';
import type { PlanSteps } from './plan-steps.js';
import { PlanDocuments } from './plan-documents.js';
import { confirmButtons, deadlineLine, firstSentences, formFor, navButtons, quote, shorten, SNIPPET, stampOf, STEP_ACTIONS, withTip } from './plan-views.js';

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

  constructor(private readonly deps: PlanFeatureDeps) {
    this.documents = new PlanDocuments(deps.template, deps.documents);
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
    const others = this.documents.others().map((t) => `• \`${t.words[0] ?? t.id}\` — ${t.title[language]} (${pt(language, 'dueBy', { date: formatDate(t.deadline.at, language, { timeZone: t.deadline.timeZone }) })})`);
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
      reply.buttons?.some((b) => STEP_ACTIONS.has(b.id)) ? { ...reply, buttons: reply.buttons.map((b) => (STEP_ACTIONS.has(b.id) ? { ...b, id: `${b.id}@${stamp}` } : b)) } : reply,
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
        flow.baseRevision = (await this.openPlan(turn, flow))?.sections[sectionId]?.revision ?? 0;
      }
      turn.state.flow = 'plan';
      return this.answer(turn, flow, turn.text);
    }
    const startArg = matchCommandRaw(turn.text, PLAN_WORDS.start);
    // `plan` or `plan <platform>`; a longer line that merely starts with "plan" is a question or an answer.
    if (startArg !== null && (startArg === '' || (startArg.split(/\s+/).length <= 3 && !startArg.endsWith('?')))) {
      return this.start(turn, startArg || undefined, this.deps.template().id);
    }
    for (const document of this.documents.others()) {
      const arg = matchCommandRaw(turn.text, document.words);
      if (arg !== null && (arg === '' || (arg.split(/\s+/).length <= 3 && !arg.endsWith('?')))) return this.start(turn, arg || undefined, document.id);
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
            buttons: memberships.map((m) => ({ id: `plan:open:${m.platform.slug}/${document}`, label: m.platform.name, typed: `${this.templateOf({ document }).words[0] ?? 'plan'} ${m.platform.slug}` })),
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
    const flow: PlanFlowState = resuming && existing ? { ...existing, mode: 'answer', pending: undefined } : { slug: platform.slug, document, baseRevision: 0, mode: 'answer', skipped: [] };
    turn.state.flow = 'plan';
    const template = this.templateOf(flow);
    const plan = await this.deps.plans.load(platform, template.id);
    const intro: Reply = { kind: 'plan', text: pt(language, resuming ? 'resumed' : 'welcome', { platform: platform.name, document: template.title.nl }) };
    const returned = await this.returnedNote(plan, template, language);
    if (returned) intro.text += `\n\n${returned.text}`;
    const current = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    // A returned plan opens at the first part a coordinator commented on.
    const section = returned?.first ?? (current && !this.stepsOf(flow).isDone(current, plan) ? current : this.stepsOf(flow).next(plan, flow, undefined));
    return [intro, ...(await this.askOrFinish(turn, flow, plan, section))];
  }

  private async handleAction(turn: TurnContext, stamped: string): Promise<Reply[] | null> {
    const [action = stamped, stamp] = stamped.split('@');
    if (stamp !== undefined) {
      const current = getFlow(turn.state);
      if (!current || turn.state.flow !== 'plan' || stampOf(current) !== stamp) return this.staleButton(turn, current);
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
        return this.skip(turn, flow);
      case 'back':
        return this.back(turn, flow);
      case 'overview':
        return this.overview(turn, flow);
      case 'pause':
        return this.pause(turn);
      case 'submit':
        return this.submit(turn, flow);
      case 'resume':
        return this.resume(turn, flow);
      case 'example':
        return this.example(turn, flow);
      case 'yes':
        return this.confirm(turn, flow, true);
      case 'no':
        return this.confirm(turn, flow, false);
      default:
        if (action.startsWith('edit:')) return this.goTo(turn, flow, action.slice('edit:'.length));
        return null;
    }
  }

  // --- inside the flow ---------------------------------------------------------------------

  private async inFlow(turn: TurnContext, flow: PlanFlowState): Promise<Reply[] | null> {
    const text = turn.text;
    const is = (words: readonly string[]) => matchCommand(text, words) === '';
    if (flow.mode !== 'answer') {
      if (is(PLAN_WORDS.yes)) return this.confirm(turn, flow, true);
      if (is(PLAN_WORDS.no)) return this.confirm(turn, flow, false);
    }
    if (is(PLAN_WORDS.help)) return [{ kind: 'plan', text: pt(turn.language, 'help'), buttons: navButtons(turn.language) }];
    if (is(PLAN_WORDS.skip)) return this.skip(turn, flow);
    if (is(PLAN_WORDS.back)) return this.back(turn, flow);
    if (is(PLAN_WORDS.overview)) return this.overview(turn, flow);
    if (is(PLAN_WORDS.pause)) return this.pause(turn);
    if (is(PLAN_WORDS.submit)) return this.submit(turn, flow);
    if (is(PLAN_WORDS.resume)) return this.resume(turn, flow);
    if (is(PLAN_WORDS.example)) return this.example(turn, flow);
    if (is(PLAN_WORDS.history)) return this.history(turn, flow);
    const target = matchCommandRaw(text, PLAN_WORDS.edit);
    if (target !== null && target !== '' && target.split(/\s+/).length <= 4) return this.goTo(turn, flow, target);
    // A question in between ("vraag ..." or a short line ending in "?") goes to the knowledge base;
    // the flow stays where it is and the answer reminds how to come back.
    if (matchCommandRaw(text, PLAN_WORDS.ask) !== null || (text.endsWith('?') && text.split(/\s+/).length < 15)) return null;
    if (flow.mode !== 'answer') return [{ kind: 'plan', text: pt(turn.language, 'answerYesNo'), buttons: confirmButtons(turn.language, flow) }];
    // A greeting alone is never an answer: the help feature greets back and the saved draft stays.
    if (is(GREETINGS)) return null;
    return this.answer(turn, flow, text);
  }

  private async answer(turn: TurnContext, flow: PlanFlowState, text: string): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!section) return this.askOrFinish(turn, flow, plan, this.stepsOf(flow).next(plan, flow, undefined));
    // Persist what was typed before judging it: a crash or a failed check loses nothing.
    await this.deps.plans.saveDraft(plan.id, section.id, turn.user.ref, text);
    const result = validateAnswer(section, text, language);
    if (!result.ok) {
      const invalid = pt(language, 'invalid', { reason: result.reason });
      return [{ kind: 'plan', text: withTip(invalid, await this.tip(section, text, language)), buttons: navButtons(language), form: formFor(this.templateOf(flow), section, language, text) }];
    }
    const existing = plan.sections[section.id];
    if (existing && existing.revision !== flow.baseRevision) {
      // Someone saved this section after it was shown to this person: let the save report the conflict.
      return this.save(turn, flow, plan, section, result.value);
    }
    if (existing?.value && existing.author !== turn.user.ref && existing.text.trim() !== result.value.text.trim()) {
      flow.mode = 'confirm-overwrite';
      flow.pending = { text: result.value.text, value: result.value };
      setFlow(turn.state, flow);
      return [
        {
          kind: 'plan',
          text: pt(language, 'confirmOverwrite', { title: section.title[language], author: existing.authorName ?? pt(language, 'someone') }),
          buttons: confirmButtons(language, flow),
        },
      ];
    }
    return this.save(turn, flow, plan, section, result.value);
  }

  private async save(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan, section: PlanSection, value: SectionValue): Promise<Reply[]> {
    const { language } = turn;
    const result = await this.deps.plans.saveSection(
      plan.id,
      section.id,
      { text: value.text, value, author: turn.user.ref, authorName: turn.user.displayName, at: turn.clock.now() },
      flow.baseRevision,
    );
    if (!result.ok) {
      flow.mode = 'conflict';
      flow.pending = { text: value.text, value };
      flow.baseRevision = result.current.revision;
      setFlow(turn.state, flow);
      return [
        {
          kind: 'plan',
          text: pt(language, 'conflict', { author: result.current.authorName ?? pt(language, 'someone'), title: section.title[language], text: quote(result.current.text) }),
          buttons: confirmButtons(language, flow),
        },
      ];
    }
    await this.deps.plans.clearDraft(plan.id, section.id, turn.user.ref);
    flow.mode = 'answer';
    flow.pending = undefined;
    flow.skipped = flow.skipped.filter((id) => id !== section.id);
    // A returned plan is being revised as asked; any other handed-in plan changed after submission.
    if (plan.status !== 'draft' && plan.status !== 'returned') {
      await this.deps.plans.setStatus(plan.id, 'revised', turn.clock.now());
      await this.deps.notifier.notify(pt('nl', 'notifyRevised', { platform: plan.platform.name, name: turn.user.displayName ?? turn.user.ref, title: section.title.nl }));
    }
    const fresh = await this.deps.plans.load(plan.platform, plan.document);
    const saved: Reply = { kind: 'plan', text: withTip(pt(language, 'saved', { title: section.title[language] }), await this.tip(section, value.text, language)) };
    return [saved, ...(await this.askOrFinish(turn, flow, fresh, this.stepsOf(flow).next(fresh, flow, section.id)))];
  }

  private async confirm(turn: TurnContext, flow: PlanFlowState, yes: boolean): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    if (flow.mode === 'confirm-submit') {
      flow.mode = 'answer';
      setFlow(turn.state, flow);
      if (!yes) return [{ kind: 'plan', text: pt(language, 'submitCancelled'), buttons: navButtons(language) }];
      return this.doSubmit(turn, flow, plan);
    }
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    const pending = flow.pending;
    if ((flow.mode === 'confirm-overwrite' || flow.mode === 'conflict') && section && pending) {
      if (!yes) {
        flow.mode = 'answer';
        flow.pending = undefined;
        await this.deps.plans.clearDraft(plan.id, section.id, turn.user.ref);
        return [{ kind: 'plan', text: pt(language, 'kept') }, ...(await this.askOrFinish(turn, flow, plan, this.stepsOf(flow).next(plan, flow, section.id)))];
      }
      // The confirmation is about the version the person saw; if it changed again since, ask again.
      flow.baseRevision = plan.sections[section.id]?.revision ?? 0;
      return this.save(turn, flow, plan, section, pending.value);
    }
    flow.mode = 'answer';
    return this.resume(turn, flow);
  }

  private async skip(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    flow.mode = 'answer';
    flow.pending = undefined;
    const replies: Reply[] = [];
    if (section) {
      if (!this.stepsOf(flow).isDone(section, plan) && !flow.skipped.includes(section.id)) flow.skipped.push(section.id);
      if (!this.stepsOf(flow).isDone(section, plan)) replies.push({ kind: 'plan', text: pt(turn.language, 'skipped', { title: section.title[turn.language], n: this.stepsOf(flow).number(section) }) });
    }
    return [...replies, ...(await this.askOrFinish(turn, flow, plan, this.stepsOf(flow).next(plan, flow, section?.id)))];
  }

  private async back(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const previous = flow.sectionId ? previousSection(this.templateOf(flow), flow.sectionId) : undefined;
    if (!previous) return [{ kind: 'plan', text: pt(turn.language, 'noPrevious') }, ...(await this.askOrFinish(turn, flow, plan, this.stepsOf(flow).currentOrNext(plan, flow)))];
    return this.ask(turn, flow, plan, previous);
  }

  private async goTo(turn: TurnContext, flow: PlanFlowState, query: string): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const template = this.templateOf(flow);
    const section = this.stepsOf(flow).section(query) ?? findSection(template, query, turn.language);
    if (!section) return [{ kind: 'plan', text: pt(turn.language, 'unknownSection', { total: template.sections.length }) }];
    flow.skipped = flow.skipped.filter((id) => id !== section.id);
    return this.ask(turn, flow, plan, section);
  }

  private async resume(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    flow.mode = 'answer';
    flow.pending = undefined;
    return this.askOrFinish(turn, flow, plan, this.stepsOf(flow).currentOrNext(plan, flow));
  }

  private pause(turn: TurnContext): Reply[] {
    // Leave the flow but keep its position: `plan` resumes exactly here.
    turn.state.flow = undefined;
    return [{ kind: 'plan', text: pt(turn.language, 'paused') }];
  }

  private async example(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!section) return [{ kind: 'plan', text: pt(turn.language, 'noCurrent') }];
    return [{ kind: 'plan', text: section.example[turn.language], buttons: navButtons(turn.language) }];
  }

  private async history(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!section) return [{ kind: 'plan', text: pt(language, 'noCurrent') }];
    const versions = await this.deps.plans.history(plan.id, section.id);
    if (versions.length === 0) return [{ kind: 'plan', text: pt(language, 'historyEmpty', { title: section.title[language] }) }];
    const lines = versions.slice(0, 5).map((v) => `• v${v.revision} — ${v.authorName ?? pt(language, 'someone')}, ${formatDate(v.createdAt, language)}:\n  ${quote(v.text, 200)}`);
    return [{ kind: 'plan', text: [pt(language, 'historyTitle', { title: section.title[language] }), ...lines].join('\n') }];
  }

  private async overview(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const template = this.templateOf(flow);
    const view = overview(template, this.stepsOf(flow).planState(plan, flow), { now: turn.clock.now(), deadline: template.deadline.at, timeZone: template.deadline.timeZone });
    const line = (ref: { number: number; id: string; title: { nl: string; en: string } }, mark: string) => {
      const author = plan.sections[ref.id]?.authorName;
      return `${mark} ${ref.number}. ${ref.title[language]}${author && mark === '✓' ? ` (${pt(language, 'overviewBy', { author })})` : ''}`;
    };
    const lines = [`*${pt(language, 'overviewTitle', { platform: plan.platform.name, document: this.templateOf(flow).title.nl, status: planStatusLabel(plan.status, language) })}*`];
    if (view.done.length) lines.push('', pt(language, 'overviewDone', { count: view.done.length }), ...view.done.map((r) => line(r, '✓')));
    if (view.missing.length) lines.push('', pt(language, 'overviewMissing', { count: view.missing.length }), ...view.missing.map((r) => line(r, '✗')));
    if (view.optionalOpen.length) lines.push('', pt(language, 'overviewOptional'), ...view.optionalOpen.map((r) => line(r, '○')));
    lines.push('', deadlineLine(this.templateOf(flow), language, view.daysLeft, view.deadlinePassed));
    const link = this.deps.viewLink?.(turn.user.ref, plan.platform.slug);
    if (link) lines.push(pt(language, 'viewLink', { url: link }));
    const buttons: Button[] = [{ id: 'plan:resume', label: BUTTON_LABELS.resume[language], typed: language === 'nl' ? 'verder' : 'continue', style: 'primary' }];
    if (view.complete) buttons.push({ id: 'plan:submit', label: BUTTON_LABELS.submit[language], typed: language === 'nl' ? 'indienen' : 'submit' });
    buttons.push({ id: 'plan:pause', label: BUTTON_LABELS.pause[language], typed: language === 'nl' ? 'pauze' : 'pause' });
    return [{ kind: 'plan', text: lines.join('\n'), buttons }];
  }

  private async submit(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const template = this.templateOf(flow);
    const check = canSubmit(template, this.stepsOf(flow).planState(plan, { ...flow, skipped: [] }));
    if (!check.ok) {
      const list = check.missing.map((m) => `✗ ${m.number}. ${m.title[language]}`).join('\n');
      return [{ kind: 'plan', text: pt(language, 'submitMissing', { list }), buttons: navButtons(language) }];
    }
    if (plan.status === 'accepted') return [{ kind: 'plan', text: pt(language, 'alreadyAccepted') }];
    if (plan.status === 'submitted') {
      return [{ kind: 'plan', text: pt(language, 'alreadySubmitted', { date: formatDate(plan.submittedAt ?? plan.updatedAt, language) }) }];
    }
    flow.mode = 'confirm-submit';
    setFlow(turn.state, flow);
    return [{ kind: 'plan', text: pt(language, 'submitConfirm', { platform: plan.platform.name, document: this.templateOf(flow).title.nl }), buttons: confirmButtons(language, flow) }];
  }

  private async doSubmit(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan): Promise<Reply[]> {
    const { language } = turn;
    // Check again: another board member may have changed something since the question was asked.
    const check = canSubmit(this.templateOf(flow), this.stepsOf(flow).planState(plan, { ...flow, skipped: [] }));
    if (!check.ok) return this.submit(turn, flow);
    const now = turn.clock.now();
    await this.deps.plans.setStatus(plan.id, 'submitted', now, turn.user.ref);
    const name = turn.user.displayName ?? turn.user.ref;
    // Each hand-in starts a review round; a plan handed in again after a return says which round.
    const round = currentRound((await this.deps.reviews?.list(plan.id)) ?? []) + 1;
    await this.deps.reviews?.add(plan.id, { round, kind: 'submitted', by: turn.user.ref, at: now });
    await this.deps.notifier.notify(round > 1 ? pt('nl', 'notifyResubmitted', { platform: plan.platform.name, name, round }) : pt('nl', 'notifySubmitted', { platform: plan.platform.name, name, document: this.templateOf(flow).title.nl }));
    turn.state.flow = undefined;
    return [{ kind: 'plan', text: pt(language, 'submitted', { platform: plan.platform.name, name, date: formatDate(now, language), document: this.templateOf(flow).title.nl }) }];
  }

  // --- asking a section --------------------------------------------------------------------

  private async askOrFinish(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan, section: PlanSection | undefined): Promise<Reply[]> {
    if (section) return this.ask(turn, flow, plan, section);
    flow.sectionId = undefined;
    flow.mode = 'answer';
    setFlow(turn.state, flow);
    const { language } = turn;
    const template = this.templateOf(flow);
    const check = canSubmit(template, this.stepsOf(flow).planState(plan, { ...flow, skipped: [] }));
    if (!check.ok) return this.overview(turn, flow);
    return [
      {
        kind: 'plan',
        text: pt(language, 'allDone'),
        buttons: [
          { id: 'plan:submit', label: BUTTON_LABELS.submit[language], typed: language === 'nl' ? 'indienen' : 'submit', style: 'primary' },
          { id: 'plan:overview', label: BUTTON_LABELS.overview[language], typed: language === 'nl' ? 'overzicht' : 'overview' },
        ],
      },
    ];
  }

  private async ask(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan, section: PlanSection): Promise<Reply[]> {
    const { language } = turn;
    const template = this.templateOf(flow);
    const stored = plan.sections[section.id];
    flow.sectionId = section.id;
    flow.baseRevision = stored?.revision ?? 0;
    flow.mode = 'answer';
    flow.pending = undefined;
    setFlow(turn.state, flow);
    const n = this.stepsOf(flow).number(section);
    // An optional step after the last required one: say that the plan can go in without it.
    const onlyOptionalLeft = !section.required && canSubmit(template, this.stepsOf(flow).planState(plan, { ...flow, skipped: [] })).ok && !plan.submittedAt;
    const parts = [
      ...(onlyOptionalLeft ? [pt(language, 'onlyOptionalLeft')] : []),
      `*${pt(language, 'step', { n, total: template.sections.length, title: section.title[language] })}* (${pt(language, section.required ? 'required' : 'optional')})`,
      section.question[language],
      pt(language, 'guidance', { text: section.guidance[language] }),
    ];
    const passage = section.kb.map((topic) => this.deps.passage?.(topic, language)).find((p) => p !== undefined);
    if (passage) parts.push(pt(language, 'fromLetter', { source: passage.source, text: `“${shorten(firstSentences(passage.text), 300)}”` }));
    if (stored?.value) {
      parts.push(pt(language, 'currentAnswer', { author: stored.authorName ?? pt(language, 'someone'), date: formatDate(stored.updatedAt ?? plan.updatedAt, language), text: quote(stored.text, SNIPPET) }));
    }
    if (plan.status === 'returned') {
      const comments = openComments((await this.deps.reviews?.list(plan.id)) ?? []).get(section.id) ?? [];
      for (const c of comments) parts.push(pt(language, 'reviewComment', { name: c.byName ?? pt(language, 'coordinator'), text: c.text }));
    }
    const draft = await this.deps.plans.draft(plan.id, section.id, turn.user.ref);
    if (draft && draft !== stored?.text) parts.push(pt(language, 'yourDraft', { text: quote(draft, SNIPPET) }));
    const view = overview(template, this.stepsOf(flow).planState(plan, flow), { now: turn.clock.now(), deadline: template.deadline.at, timeZone: template.deadline.timeZone });
    parts.push(deadlineLine(this.templateOf(flow), language, view.daysLeft, view.deadlinePassed));
    return [{ kind: 'plan', text: parts.join('\n\n'), buttons: navButtons(language), form: formFor(this.templateOf(flow), section, language, draft ?? stored?.text) }];
  }

  // --- helpers ---------------------------------------------------------------------------

  /** For a returned plan: the reason and which parts have comments, and the first of those parts. */
  private async returnedNote(plan: StoredPlan, template: PlanTemplate, language: Language): Promise<{ text: string; first: PlanSection | undefined } | undefined> {
    if (plan.status !== 'returned' || !this.deps.reviews) return undefined;
    const events = await this.deps.reviews.list(plan.id);
    const back = lastReturn(events);
    const commented = template.sections.filter((s) => openComments(events).has(s.id));
    const steps = this.stepsOf({ document: template.id });
    const parts = commented.map((s) => `${steps.number(s)}. ${s.title[language]}`).join(', ');
    const text = pt(language, 'returnedIntro', { date: back ? formatDate(back.at, language) : '', reason: back?.text ?? '', parts: parts || '—' });
    return { text, first: commented[0] };
  }

  /** Coaching applies to free-text sections only; a failing coach never disturbs the flow. */
  private async tip(section: PlanSection, text: string, language: Language): Promise<string | undefined> {
    if (!this.deps.coach || section.validation.type !== 'text') return undefined;
    return this.deps.coach(section, text, language).catch(() => undefined);
  }

  private async openPlan(turn: TurnContext, flow: PlanFlowState): Promise<StoredPlan | undefined> {
    const platform = await this.deps.platforms.bySlug(flow.slug);
    // Membership can be withdrawn while a conversation is open: check on every turn.
    if (!platform || !(await this.deps.access.canUsePlan(turn.user, platform))) return undefined;
    return this.deps.plans.load(platform, this.templateOf(flow).id);
  }

  private lostAccess(turn: TurnContext): Reply[] {
    turn.state.flow = undefined;
    setFlow(turn.state, undefined);
    return [{ kind: 'plan', text: pt(turn.language, 'notMember') }];
  }

  /** A button from an earlier step: say so and change nothing; show where the person is now. */
  private staleButton(turn: TurnContext, flow: PlanFlowState | undefined): Reply[] {
    const { language } = turn;
    const section = flow?.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!flow || turn.state.flow !== 'plan' || !section) return [{ kind: 'plan', text: pt(language, 'staleButtonClosed') }];
    turn.state.flow = 'plan';
    const buttons = flow.mode === 'answer' ? navButtons(language) : confirmButtons(language, flow);
    return [{ kind: 'plan', text: pt(language, 'staleButton', { step: section.title[language] }), buttons }];
  }
}
