/**
 * A short summary of a person's plan for overview surfaces (Slack's App Home): which platform,
 * how far along, and what to do next.
 */
import type { Clock } from '../../clock.js';
import type { Language } from '../../language.js';
import { overview, type PlanTemplate } from '../../plan/index.js';
import type { PlanStore, PlatformStore } from '../../platforms/ports.js';
import { fill } from '../../texts.js';

export interface PlanHomeSummary {
  platform?: string;
  progress?: string;
  nextSteps?: string[];
}

const T = {
  nl: { progress: '{done} van {total} verplichte onderdelen klaar · {status}', days: 'nog {n} dagen tot de deadline', passed: 'de deadline is verstreken', next: 'Vul "{title}" in (typ `plan`)', submit: 'Alles is klaar: typ `indienen`', status: { draft: 'concept', submitted: 'ingediend', revised: 'herzien' } },
  en: { progress: '{done} of {total} required parts done · {status}', days: '{n} days to the deadline', passed: 'the deadline has passed', next: 'Fill in "{title}" (type `plan`)', submit: 'Everything is ready: type `submit`', status: { draft: 'draft', submitted: 'submitted', revised: 'revised' } },
} as const;

export class PlanHome {
  constructor(private readonly deps: { platforms: PlatformStore; plans: PlanStore; template: () => PlanTemplate; clock: Clock }) {}

  async summary(userRef: string, language: Language): Promise<PlanHomeSummary | null> {
    const memberships = await this.deps.platforms.membershipsOf(userRef);
    const first = memberships[0];
    if (!first) return null;
    const template = this.deps.template();
    const plan = await this.deps.plans.load(first.platform);
    const view = overview(template, { sections: plan.sections }, { now: this.deps.clock.now(), deadline: template.deadline.at, timeZone: template.deadline.timeZone });
    const t = T[language];
    const progress = `${fill(t.progress, { done: view.requiredDone, total: view.requiredTotal, status: t.status[plan.status] })} · ${view.deadlinePassed ? t.passed : fill(t.days, { n: view.daysLeft })}`;
    const nextSteps = plan.status === 'submitted' ? [] : view.complete ? [t.submit] : view.missing.slice(0, 3).map((m) => fill(t.next, { title: m.title[language] }));
    return { platform: first.platform.name, progress, nextSteps };
  }
}
