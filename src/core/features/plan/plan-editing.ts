/**
 * Writing the plan: saving an answer (a draft first, then validated, with the revision check that
 * shows a concurrent edit instead of overwriting it), confirming, skipping and moving between
 * sections, the history of a section, and handing the plan in.
 */
import type { Reply } from '../../messages.js';
import { canSubmit, findSection, previousSection, validateAnswer, type PlanSection, type SectionValue } from '../../plan/index.js';
import type { StoredPlan } from '../../platforms/ports.js';
import type { TurnContext } from '../../turn.js';
import { formatDate } from '../../dates.js';
import { currentRound } from '../../review/rounds.js';
import { setFlow, type PlanFlowState } from './flow-state.js';
import { pt } from './texts.js';
import type { PlanDocuments } from './plan-documents.js';
import { confirmButtons, formFor, navButtons, quote, withTip } from './plan-views.js';
import type { PlanFeatureDeps } from './plan-feature.js';
import { PlanParts } from './plan-parts.js';
import type { PlanScreens } from './plan-screens.js';

export class PlanEditing extends PlanParts {
  constructor(
    deps: PlanFeatureDeps,
    documents: PlanDocuments,
    private readonly screens: PlanScreens,
  ) {
    super(deps, documents);
  }

  async answer(turn: TurnContext, flow: PlanFlowState, text: string): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!section) return this.screens.askOrFinish(turn, flow, plan, this.stepsOf(flow).next(plan, flow, undefined));
    // Persist what was typed before judging it: a crash or a failed check loses nothing.
    await this.deps.plans.saveDraft(plan.id, section.id, turn.user.ref, text);
    const result = validateAnswer(section, text, language);
    if (!result.ok) {
      const invalid = pt(language, 'invalid', { reason: result.reason });
      return [
        {
          kind: 'plan',
          text: withTip(invalid, await this.tip(section, text, language)),
          buttons: navButtons(language),
          form: formFor(this.templateOf(flow), section, language, text),
        },
      ];
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
          text: pt(language, 'confirmOverwrite', {
            title: section.title[language],
            author: existing.authorName ?? pt(language, 'someone'),
          }),
          buttons: confirmButtons(language, flow),
        },
      ];
    }
    return this.save(turn, flow, plan, section, result.value);
  }

  async save(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan, section: PlanSection, value: SectionValue): Promise<Reply[]> {
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
          text: pt(language, 'conflict', {
            author: result.current.authorName ?? pt(language, 'someone'),
            title: section.title[language],
            text: quote(result.current.text),
          }),
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
      await this.deps.notifier.notify(
        pt('nl', 'notifyRevised', { platform: plan.platform.name, name: turn.user.displayName ?? turn.user.ref, title: section.title.nl }),
      );
    }
    const fresh = await this.deps.plans.load(plan.platform, plan.document);
    const saved: Reply = {
      kind: 'plan',
      text: withTip(pt(language, 'saved', { title: section.title[language] }), await this.tip(section, value.text, language)),
    };
    return [saved, ...(await this.screens.askOrFinish(turn, flow, fresh, this.stepsOf(flow).next(fresh, flow, section.id)))];
  }

  async confirm(turn: TurnContext, flow: PlanFlowState, yes: boolean): Promise<Reply[]> {
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
        return [
          { kind: 'plan', text: pt(language, 'kept') },
          ...(await this.screens.askOrFinish(turn, flow, plan, this.stepsOf(flow).next(plan, flow, section.id))),
        ];
      }
      // The confirmation is about the version the person saw; if it changed again since, ask again.
      flow.baseRevision = plan.sections[section.id]?.revision ?? 0;
      return this.save(turn, flow, plan, section, pending.value);
    }
    flow.mode = 'answer';
    return this.resume(turn, flow);
  }

  async skip(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    flow.mode = 'answer';
    flow.pending = undefined;
    const replies: Reply[] = [];
    if (section) {
      if (!this.stepsOf(flow).isDone(section, plan) && !flow.skipped.includes(section.id)) flow.skipped.push(section.id);
      if (!this.stepsOf(flow).isDone(section, plan))
        replies.push({
          kind: 'plan',
          text: pt(turn.language, 'skipped', { title: section.title[turn.language], n: this.stepsOf(flow).number(section) }),
        });
    }
    return [...replies, ...(await this.screens.askOrFinish(turn, flow, plan, this.stepsOf(flow).next(plan, flow, section?.id)))];
  }

  async back(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const previous = flow.sectionId ? previousSection(this.templateOf(flow), flow.sectionId) : undefined;
    if (!previous)
      return [
        { kind: 'plan', text: pt(turn.language, 'noPrevious') },
        ...(await this.screens.askOrFinish(turn, flow, plan, this.stepsOf(flow).currentOrNext(plan, flow))),
      ];
    return this.screens.ask(turn, flow, plan, previous);
  }

  async goTo(turn: TurnContext, flow: PlanFlowState, query: string): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const template = this.templateOf(flow);
    const section = this.stepsOf(flow).section(query) ?? findSection(template, query, turn.language);
    if (!section) return [{ kind: 'plan', text: pt(turn.language, 'unknownSection', { total: template.sections.length }) }];
    flow.skipped = flow.skipped.filter((id) => id !== section.id);
    return this.screens.ask(turn, flow, plan, section);
  }

  async resume(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    flow.mode = 'answer';
    flow.pending = undefined;
    return this.screens.askOrFinish(turn, flow, plan, this.stepsOf(flow).currentOrNext(plan, flow));
  }

  pause(turn: TurnContext): Reply[] {
    // Leave the flow but keep its position: `plan` resumes exactly here.
    turn.state.flow = undefined;
    return [{ kind: 'plan', text: pt(turn.language, 'paused') }];
  }

  async example(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!section) return [{ kind: 'plan', text: pt(turn.language, 'noCurrent') }];
    return [{ kind: 'plan', text: section.example[turn.language], buttons: navButtons(turn.language) }];
  }

  async history(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const section = flow.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!section) return [{ kind: 'plan', text: pt(language, 'noCurrent') }];
    const versions = await this.deps.plans.history(plan.id, section.id);
    if (versions.length === 0) return [{ kind: 'plan', text: pt(language, 'historyEmpty', { title: section.title[language] }) }];
    const lines = versions
      .slice(0, 5)
      .map(
        (v) =>
          `• v${v.revision} — ${v.authorName ?? pt(language, 'someone')}, ${formatDate(v.createdAt, language)}:\n  ${quote(v.text, 200)}`,
      );
    return [{ kind: 'plan', text: [pt(language, 'historyTitle', { title: section.title[language] }), ...lines].join('\n') }];
  }

  async submit(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
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
    return [
      {
        kind: 'plan',
        text: pt(language, 'submitConfirm', { platform: plan.platform.name, document: this.templateOf(flow).title.nl }),
        buttons: confirmButtons(language, flow),
      },
    ];
  }

  async doSubmit(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan): Promise<Reply[]> {
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
    await this.deps.notifier.notify(
      round > 1
        ? pt('nl', 'notifyResubmitted', { platform: plan.platform.name, name, round })
        : pt('nl', 'notifySubmitted', { platform: plan.platform.name, name, document: this.templateOf(flow).title.nl }),
    );
    turn.state.flow = undefined;
    return [
      {
        kind: 'plan',
        text: pt(language, 'submitted', {
          platform: plan.platform.name,
          name,
          date: formatDate(now, language),
          document: this.templateOf(flow).title.nl,
        }),
      },
    ];
  }
}
