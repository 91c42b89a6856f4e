/**
 * What the plan conversation shows: a section's question (with guidance, the letter's passage,
 * the current text, a coordinator's comments and the person's draft), the overview, the end of the
 * flow, and the note on a returned plan.
 */
import type { Language } from '../../language.js';
import type { Button, Reply } from '../../messages.js';
import { canSubmit, overview, type PlanSection, type PlanTemplate } from '../../plan/index.js';
import type { StoredPlan } from '../../platforms/ports.js';
import type { TurnContext } from '../../turn.js';
import { formatDate } from '../../dates.js';
import { planStatusLabel } from '../../plan/status.js';
import { lastReturn, openComments } from '../../review/rounds.js';
import { setFlow, type PlanFlowState } from './flow-state.js';
import { BUTTON_LABELS, pt, TYPED } from './texts.js';
import { confirmButtons, deadlineLine, firstSentences, formFor, navButtons, quote, shorten, SNIPPET } from './plan-views.js';
import { PlanParts } from './plan-parts.js';

export class PlanScreens extends PlanParts {
  async askOrFinish(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan, section: PlanSection | undefined): Promise<Reply[]> {
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
          { id: 'plan:submit', label: BUTTON_LABELS.submit[language], typed: TYPED.submit[language], style: 'primary' },
          { id: 'plan:overview', label: BUTTON_LABELS.overview[language], typed: TYPED.overview[language] },
        ],
      },
    ];
  }

  async ask(turn: TurnContext, flow: PlanFlowState, plan: StoredPlan, section: PlanSection): Promise<Reply[]> {
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
    const onlyOptionalLeft =
      !section.required && canSubmit(template, this.stepsOf(flow).planState(plan, { ...flow, skipped: [] })).ok && !plan.submittedAt;
    const parts = [
      ...(onlyOptionalLeft ? [pt(language, 'onlyOptionalLeft')] : []),
      `*${pt(language, 'step', { n, total: template.sections.length, title: section.title[language] })}* (${pt(language, section.required ? 'required' : 'optional')})`,
      section.question[language],
      pt(language, 'guidance', { text: section.guidance[language] }),
    ];
    const passage = section.kb.map((topic) => this.deps.passage?.(topic, language)).find((p) => p !== undefined);
    if (passage)
      parts.push(pt(language, 'fromLetter', { source: passage.source, text: `“${shorten(firstSentences(passage.text), 300)}”` }));
    if (stored?.value) {
      parts.push(
        pt(language, 'currentAnswer', {
          author: stored.authorName ?? pt(language, 'someone'),
          date: formatDate(stored.updatedAt ?? plan.updatedAt, language),
          text: quote(stored.text, SNIPPET),
        }),
      );
    }
    if (plan.status === 'returned') {
      const comments = openComments((await this.deps.reviews?.list(plan.id)) ?? []).get(section.id) ?? [];
      for (const c of comments) parts.push(pt(language, 'reviewComment', { name: c.byName ?? pt(language, 'coordinator'), text: c.text }));
    }
    const draft = await this.deps.plans.draft(plan.id, section.id, turn.user.ref);
    if (draft && draft !== stored?.text) parts.push(pt(language, 'yourDraft', { text: quote(draft, SNIPPET) }));
    const view = overview(template, this.stepsOf(flow).planState(plan, flow), {
      now: turn.clock.now(),
      deadline: template.deadline.at,
      timeZone: template.deadline.timeZone,
    });
    parts.push(deadlineLine(this.templateOf(flow), language, view.daysLeft, view.deadlinePassed));
    return [
      {
        kind: 'plan',
        text: parts.join('\n\n'),
        buttons: navButtons(language),
        form: formFor(this.templateOf(flow), section, language, draft ?? stored?.text),
      },
    ];
  }

  async overview(turn: TurnContext, flow: PlanFlowState): Promise<Reply[]> {
    const { language } = turn;
    const plan = await this.openPlan(turn, flow);
    if (!plan) return this.lostAccess(turn);
    const template = this.templateOf(flow);
    const view = overview(template, this.stepsOf(flow).planState(plan, flow), {
      now: turn.clock.now(),
      deadline: template.deadline.at,
      timeZone: template.deadline.timeZone,
    });
    const line = (ref: { number: number; id: string; title: { nl: string; en: string } }, mark: string) => {
      const author = plan.sections[ref.id]?.authorName;
      return `${mark} ${ref.number}. ${ref.title[language]}${author && mark === '✓' ? ` (${pt(language, 'overviewBy', { author })})` : ''}`;
    };
    const lines = [
      `*${pt(language, 'overviewTitle', { platform: plan.platform.name, document: this.templateOf(flow).title.nl, status: planStatusLabel(plan.status, language) })}*`,
    ];
    if (view.done.length) lines.push('', pt(language, 'overviewDone', { count: view.done.length }), ...view.done.map((r) => line(r, '✓')));
    if (view.missing.length)
      lines.push('', pt(language, 'overviewMissing', { count: view.missing.length }), ...view.missing.map((r) => line(r, '✗')));
    if (view.optionalOpen.length) lines.push('', pt(language, 'overviewOptional'), ...view.optionalOpen.map((r) => line(r, '○')));
    lines.push('', deadlineLine(this.templateOf(flow), language, view.daysLeft, view.deadlinePassed));
    const link = this.deps.viewLink?.(turn.user.ref, plan.platform.slug);
    if (link) lines.push(pt(language, 'viewLink', { url: link }));
    const buttons: Button[] = [
      { id: 'plan:resume', label: BUTTON_LABELS.resume[language], typed: TYPED.resume[language], style: 'primary' },
    ];
    if (view.complete) buttons.push({ id: 'plan:submit', label: BUTTON_LABELS.submit[language], typed: TYPED.submit[language] });
    buttons.push({ id: 'plan:pause', label: BUTTON_LABELS.pause[language], typed: TYPED.pause[language] });
    return [{ kind: 'plan', text: lines.join('\n'), buttons }];
  }

  /** For a returned plan: the reason and which parts have comments, and the first of those parts. */
  async returnedNote(
    plan: StoredPlan,
    template: PlanTemplate,
    language: Language,
  ): Promise<{ text: string; first: PlanSection | undefined } | undefined> {
    if (plan.status !== 'returned' || !this.deps.reviews) return undefined;
    const events = await this.deps.reviews.list(plan.id);
    const back = lastReturn(events);
    const commented = template.sections.filter((s) => openComments(events).has(s.id));
    const steps = this.stepsOf({ document: template.id });
    const parts = commented.map((s) => `${steps.number(s)}. ${s.title[language]}`).join(', ');
    const text = pt(language, 'returnedIntro', {
      date: back ? formatDate(back.at, language) : '',
      reason: back?.text ?? '',
      parts: parts || '—',
    });
    return { text, first: commented[0] };
  }

  /** A button from an earlier step: say so and change nothing; show where the person is now. */
  staleButton(turn: TurnContext, flow: PlanFlowState | undefined): Reply[] {
    const { language } = turn;
    const section = flow?.sectionId ? this.stepsOf(flow).section(flow.sectionId) : undefined;
    if (!flow || turn.state.flow !== 'plan' || !section) return [{ kind: 'plan', text: pt(language, 'staleButtonClosed') }];
    turn.state.flow = 'plan';
    const buttons = flow.mode === 'answer' ? navButtons(language) : confirmButtons(language, flow);
    return [{ kind: 'plan', text: pt(language, 'staleButton', { step: section.title[language] }), buttons }];
  }
}
