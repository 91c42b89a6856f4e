/**
 * The App Home tab (app_home_opened → views.publish): a greeting, the person's plan (platform,
 * progress, next steps when a plan source is wired in; otherwise how to start one), shortcuts that
 * act as if the person typed them in their DM, and what the bot can do.
 */
import type { types, webApi } from '@slack/bolt';
import type { Language } from '../../core/language.js';
import type { Logger } from '../../core/ports.js';
import { t } from '../../core/texts.js';
import type { Feature } from '../../core/turn.js';
import { SAY_ACTION_PREFIX, type Block } from './blocks.js';
import { slackUserRef, type SlackIdentity } from './identity.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { splitMrkdwn, toMrkdwn } from './mrkdwn.js';
import { st } from './texts.js';

/** What the plan side can tell about one person's plan; every field optional. */
export interface PlanHomeSummary {
  platform?: string;
  /** One line, e.g. "3 van 7 onderdelen klaar". */
  progress?: string;
  /** The keuze and the January decision, one line. */
  transition?: string;
  nextSteps?: string[];
}

/** Seam for the plan feature: when it offers this, the Home tab shows the real progress. */
export interface PlanHomeSource {
  summary(userRef: string, language: Language): Promise<PlanHomeSummary | null>;
}

export interface HomeDeps {
  client: webApi.WebClient;
  identity: SlackIdentity;
  features: () => readonly Feature[];
  languageOf(userRef: string): Promise<Language>;
  planHome?: PlanHomeSource | undefined;
  logger: Logger;
}

export class HomeTab {
  constructor(private readonly deps: HomeDeps) {}

  async publish(teamId: string, userId: string): Promise<void> {
    const userRef = slackUserRef(teamId, userId);
    const [language, person] = await Promise.all([this.deps.languageOf(userRef), this.deps.identity.person(userId)]);
    let summary: PlanHomeSummary | null = null;
    try {
      summary = (await this.deps.planHome?.summary(userRef, language)) ?? null;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'plan summary for the Home tab failed; showing the start text');
    }
    const view: types.HomeView = { type: 'home', blocks: this.blocks(language, person.name, summary) };
    await this.deps.client.views.publish({ user_id: userId, view });
  }

  blocks(language: Language, name: string | undefined, summary: PlanHomeSummary | null): Block[] {
    const greeting = name ? st(language, 'home.greeting', { name }) : st(language, 'home.greetingNoName');
    const planLines = [`*${st(language, 'home.planTitle')}*`];
    if (summary?.platform) planLines.push(st(language, 'home.platform', { platform: summary.platform }));
    if (summary?.progress) planLines.push(st(language, 'home.progress', { progress: summary.progress }));
    if (summary?.transition) planLines.push(summary.transition);
    if (summary?.nextSteps?.length) planLines.push(st(language, 'home.nextSteps'), ...summary.nextSteps.map((s) => `• ${s}`));
    if (!summary?.platform && !summary?.progress) planLines.push(st(language, 'home.planStart'));
    const helpLines = [t(language, 'help.intro'), t(language, 'help.ask')];
    for (const feature of this.deps.features()) helpLines.push(...(feature.helpLines?.(language) ?? []));
    return [
      { type: 'header', text: { type: 'plain_text', text: 'buurtbot', emoji: true } },
      ...sections(greeting),
      { type: 'divider' },
      ...sections(planLines.join('\n')),
      {
        type: 'actions',
        elements: [
          say('plan', st(language, 'prompt.plan.title'), 'plan', 'primary'),
          say('deadline', st(language, 'prompt.deadline.title'), st(language, 'prompt.deadline.message')),
          say('help', st(language, 'home.helpButton'), st(language, 'home.helpTyped')),
        ],
      },
      { type: 'divider' },
      ...sections(helpLines.join('\n')),
      { type: 'context', elements: [{ type: 'mrkdwn', text: toMrkdwn(st(language, 'home.howToAsk')) }] },
    ];
  }
}

function sections(text: string): Block[] {
  return splitMrkdwn(toMrkdwn(text), SLACK_LIMITS.sectionText).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

function say(id: string, label: string, typed: string, style?: 'primary'): types.Button {
  const button: types.Button = {
    type: 'button',
    action_id: `${SAY_ACTION_PREFIX}${id}`,
    text: { type: 'plain_text', text: truncate(label, SLACK_LIMITS.buttonText), emoji: true },
    value: typed,
  };
  if (style) button.style = style;
  return button;
}
