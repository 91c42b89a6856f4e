/**
 * A short summary of a person's plan for overview surfaces (Slack's App Home): which platform,
 * how far along, and what to do next.
 */
import type { Clock } from '../../clock.js';
import { pick, type Language } from '../../language.js';
import { leadsAwayFromPlan, type Keuze } from '../../transition/keuze.js';
import { overview, type PlanTemplate } from '../../plan/index.js';
import { planStatusLabel } from '../../plan/status.js';
import type { PlanStore, PlatformStore } from '../../platforms/ports.js';
import { fill } from '../../texts.js';

export interface PlanHomeSummary {
  platform?: string;
  progress?: string;
  /** The keuze and the January decision, one line. */
  transition?: string;
  nextSteps?: string[];
}

const T = {
  nl: {
    progress: '{done} van {total} verplichte onderdelen klaar · {status}',
    days: 'nog {n} dagen tot de deadline',
    passed: 'de deadline is verstreken',
    next: 'Vul "{title}" in (typ `plan`)',
    submit: 'Alles is klaar: typ `indienen`',
    keuze: 'Keuze: {choice}',
    noChoice: 'nog niet doorgegeven (typ `keuze`)',
    decision: ' · besluit januari 2017: {outcome}',
    noPlan: 'Geen Plan van Aanpak nodig (jullie keuze)',
  },
  en: {
    progress: '{done} of {total} required parts done · {status}',
    days: '{n} days to the deadline',
    passed: 'the deadline has passed',
    next: 'Fill in "{title}" (type `plan`)',
    submit: 'Everything is ready: type `submit`',
    keuze: 'Choice: {choice}',
    noChoice: 'not recorded yet (type `choice`)',
    decision: ' · decision January 2017: {outcome}',
    noPlan: 'No Plan van Aanpak needed (your choice)',
  },
} as const;

export class PlanHome {
  constructor(
    private readonly deps: { platforms: PlatformStore; plans: PlanStore; template: () => PlanTemplate; clock: Clock; keuze?: Keuze },
  ) {}

  async summary(userRef: string, language: Language): Promise<PlanHomeSummary | null> {
    const memberships = await this.deps.platforms.membershipsOf(userRef);
    const first = memberships[0];
    if (!first) return null;
    const template = this.deps.template();
    const plan = await this.deps.plans.load(first.platform);
    const view = overview(
      template,
      { sections: plan.sections },
      { now: this.deps.clock.now(), deadline: template.deadline.at, timeZone: template.deadline.timeZone },
    );
    const t = T[language];
    const progress = `${fill(t.progress, { done: view.requiredDone, total: view.requiredTotal, status: planStatusLabel(plan.status, language) })} · ${view.deadlinePassed ? t.passed : fill(t.days, { n: view.daysLeft })}`;
    const transition = await this.transition(first.platform.id, language);
    if (transition?.noPlan) return { platform: first.platform.name, progress: t.noPlan, transition: transition.line, nextSteps: [] };
    const nextSteps =
      plan.status === 'submitted' || plan.status === 'accepted'
        ? []
        : view.complete
          ? [t.submit]
          : view.missing.slice(0, 3).map((m) => fill(t.next, { title: m.title[language] }));
    return { platform: first.platform.name, progress, nextSteps, ...(transition ? { transition: transition.line } : {}) };
  }

  private async transition(platformId: string, language: Language): Promise<{ line: string; noPlan: boolean } | undefined> {
    const keuze = this.deps.keuze;
    if (!keuze) return undefined;
    const t = T[language];
    const choice = await keuze.current(platformId);
    const decision = await keuze.store.decisionOf(platformId);
    const outcome = decision ? keuze.outcome(decision.outcome) : undefined;
    const line =
      fill(t.keuze, { choice: choice?.path ? pick(choice.path.label, language) : t.noChoice }) +
      (outcome ? fill(t.decision, { outcome: pick(outcome.label, language) }) : '');
    return { line, noPlan: choice?.path !== undefined && leadsAwayFromPlan(choice.path) };
  }
}
