/**
 * The keuze beyond one platform's choice: a group in a buurt without a buurtplatform registers as
 * an initiative, and coordinators see the letter's "Indicatie omslag" live with `keuzes`. Split
 * from keuze.ts, which handles the commands and the choosing itself.
 */
import { formatDate } from '../dates.js';
import { pick } from '../language.js';
import type { Reply } from '../messages.js';
import { countOmslag, omslagLines } from '../transition/omslag.js';
import type { TurnContext } from '../turn.js';

import type { KeuzeFeatureDeps } from './keuze.js';
import { deadlineText, letterCitation } from './keuze-letter.js';
import { tt } from './keuze-texts.js';

/** How long a buurt's name may be: a name, not a story. */
const MAX_BUURT = 80;

/** `initiatief <buurt>`: a group in a buurt without a buurtplatform registers; coordinators are told. */
export async function registerInitiative(deps: KeuzeFeatureDeps, turn: TurnContext, buurt: string): Promise<Reply[]> {
  const { language } = turn;
  const explain = pick(deps.keuze.content.initiatives.explain, language);
  const name = buurt.replace(/\s+/g, ' ').trim();
  if (!name) return [{ kind: 'info', text: tt(language, 'initiativeHow', { explain }), citations: [letterCitation(deps.keuze)] }];
  if (name.length > MAX_BUURT) return [{ kind: 'info', text: tt(language, 'initiativeTooLong') }];
  await deps.keuze.store.registerInitiative({ buurt: name, contact: turn.user.ref, at: turn.clock.now() });
  await deps.notifier.notify(tt('nl', 'initiativeNotify', { buurt: name, name: turn.user.displayName ?? turn.user.ref }), [turn.user.ref]);
  return [{ kind: 'info', text: tt(language, 'initiativeDone', { buurt: name, explain }), citations: [letterCitation(deps.keuze)] }];
}

/** `keuzes`: for coordinators, the letter's "Indicatie omslag" now, each platform's choice and the initiatives. */
export async function keuzeOverview(deps: KeuzeFeatureDeps, turn: TurnContext): Promise<Reply[]> {
  const { language } = turn;
  if (!(await deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: tt(language, 'onlyCoordinators') }];
  const { keuze } = deps;
  const [platforms, choices, decisions, initiatives] = await Promise.all([
    deps.platforms.list(),
    keuze.store.currentChoices(),
    keuze.store.currentDecisions(),
    keuze.store.initiatives(),
  ]);
  const omslag = countOmslag(
    keuze.content,
    platforms.map((p) => p.id),
    { choices, decisions, initiatives: initiatives.length },
  );
  const perPlatform = platforms.map((p) => {
    const choice = choices.get(p.id);
    if (!choice) return `• ${p.name}: ${tt(language, 'notAnswered')}`;
    const path = keuze.path(choice.path);
    return `• ${p.name}: ${path ? pick(path.label, language) : choice.path} (${formatDate(choice.at, language, { month: 'short' })}${choice.byName ? `, ${choice.byName}` : ''})`;
  });
  const lines = [
    tt(language, 'overviewTitle', { deadline: deadlineText(deps.keuze, language) }),
    omslagLines(omslag, language).join('\n'),
    ...(perPlatform.length ? [[tt(language, 'perPlatform'), ...perPlatform].join('\n')] : []),
    ...(initiatives.length
      ? [
          [
            tt(language, 'initiativesTitle'),
            ...initiatives.map(
              (i) =>
                `• ${i.buurt} — ${i.contactName ?? i.contact ?? tt(language, 'someone')} (${formatDate(i.createdAt, language, { month: 'short' })})`,
            ),
          ].join('\n'),
        ]
      : []),
  ];
  const about = [
    ...[...choices.values()].flatMap((c) => (c.by ? [c.by] : [])),
    ...initiatives.flatMap((i) => (i.contact ? [i.contact] : [])),
  ];
  return [{ kind: 'info', ephemeral: true, text: lines.join('\n\n'), citations: [letterCitation(deps.keuze)], about }];
}
