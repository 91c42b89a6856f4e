/** The words and texts of the review feature (review.ts), Dutch and English. */
import type { Bilingual } from '../language.js';
import { textCatalog } from '../texts.js';

export const REVIEW_WORDS = {
  review: ['beoordelen', 'beoordeel', 'review'],
  comment: ['opmerking', 'comment'],
  return: ['terugsturen', 'stuur terug', 'return'],
  accept: ['accepteren', 'accepteer', 'accept'],
};

const T = {
  onlyCoordinators: { nl: 'Plannen beoordelen doen coördinatoren.', en: 'Coordinators review plans.' },
  unknownPlatform: {
    nl: 'Ik ken geen platform "{query}". Typ `platforms` voor de lijst.',
    en: 'I do not know a platform "{query}". Type `platforms` for the list.',
  },
  nothingWaiting: { nl: 'Er wachten geen ingediende plannen op een beoordeling.', en: 'No handed-in plans are waiting for a review.' },
  waiting: { nl: 'Deze plannen wachten op een beoordeling:', en: 'These plans are waiting for a review:' },
  notUnderReview: {
    nl: 'Het plan van {platform} is nu {status}: er valt niets te beoordelen tot het (opnieuw) is ingediend.',
    en: 'The plan of {platform} is {status} now: there is nothing to review until it is handed in (again).',
  },
  title: {
    nl: '🔎 **Beoordeling: Plan van Aanpak van {platform}** — ronde {round}, {status}',
    en: '🔎 **Review: Plan van Aanpak of {platform}** — round {round}, {status}',
  },
  empty: { nl: '(niet ingevuld)', en: '(not filled in)' },
  commentLine: { nl: '   💬 {name}: {text}', en: '   💬 {name}: {text}' },
  how: {
    nl: 'Opmerking bij een onderdeel: `opmerking {slug} <nr> <tekst>`. Dan `accepteren {slug}`, of `terugsturen {slug} <reden>`.',
    en: 'Comment on a part: `comment {slug} <nr> <text>`. Then `accept {slug}`, or `return {slug} <reason>`.',
  },
  history: { nl: '**Rondes:**', en: '**Rounds:**' },
  historyLine: { nl: '• Ronde {round}: {what}', en: '• Round {round}: {what}' },
  ev_submitted: { nl: 'ingediend op {date}', en: 'handed in on {date}' },
  ev_returned: { nl: 'teruggestuurd op {date} ({text})', en: 'returned on {date} ({text})' },
  ev_accepted: { nl: 'geaccepteerd op {date}', en: 'accepted on {date}' },
  commentHow: {
    nl: 'Typ `opmerking <platform> <nr van het onderdeel> <tekst>`, bijvoorbeeld `opmerking wyck 3 Maak de doelen concreter`.',
    en: 'Type `comment <platform> <number of the part> <text>`, for example `comment wyck 3 Make the goals more concrete`.',
  },
  unknownSection: {
    nl: 'Het plan heeft geen onderdeel "{query}". Gebruik het nummer (1 tot {total}).',
    en: 'The plan has no part "{query}". Use the number (1 to {total}).',
  },
  commented: {
    nl: 'Opmerking bij "{title}" genoteerd (ronde {round}). Het bestuur ziet hem als je het plan terugstuurt.',
    en: 'Comment on "{title}" noted (round {round}). The board sees it when you return the plan.',
  },
  reasonNeeded: {
    nl: 'Waarom stuur je het plan van {platform} terug? Typ de reden (één of twee zinnen).',
    en: 'Why are you returning the plan of {platform}? Type the reason (a sentence or two).',
  },
  returned: {
    nl: 'Het plan van {platform} is teruggestuurd (ronde {round}). Het bestuur ({count}) heeft de reden en {comments} opmerking(en) gekregen.',
    en: 'The plan of {platform} was returned (round {round}). The board ({count}) got the reason and {comments} comment(s).',
  },
  accepted: {
    nl: 'Het plan van {platform} is geaccepteerd (ronde {round}). Het bestuur ({count}) heeft bericht gekregen.',
    en: 'The plan of {platform} is accepted (round {round}). The board ({count}) has been told.',
  },
  boardReturned: {
    nl: '↩️ **Jullie Plan van Aanpak ({platform}) is teruggestuurd**\nReden: {reason}{comments}\n\nTyp `plan` om de onderdelen aan te passen; dien het daarna opnieuw in met `indienen`.',
    en: '↩️ **Your Plan van Aanpak ({platform}) was returned**\nReason: {reason}{comments}\n\nType `plan` to change the parts; then hand it in again with `submit`.',
  },
  boardComment: { nl: '• {title}: {text}', en: '• {title}: {text}' },
  boardAccepted: {
    nl: '✅ **Jullie Plan van Aanpak ({platform}) is geaccepteerd.** Dank jullie wel!',
    en: '✅ **Your Plan van Aanpak ({platform}) is accepted.** Thank you!',
  },
  notify: { nl: '🔎 {name}: plan van {platform} {what}.', en: '🔎 {name}: plan of {platform} {what}.' },
  notifyReturned: { nl: 'teruggestuurd', en: 'returned' },
  notifyAccepted: { nl: 'geaccepteerd', en: 'accepted' },
  accept: { nl: 'Accepteren', en: 'Accept' },
  returnButton: { nl: 'Terugsturen…', en: 'Return…' },
  helpCoordinator: {
    nl: '• Coördinatoren: `beoordelen` — ingediende plannen van opmerkingen voorzien, accepteren of terugsturen',
    en: '• Coordinators: `review` — comment on handed-in plans, accept or return them',
  },
  someone: { nl: 'coördinator', en: 'coordinator' },
  typedReview: { nl: 'beoordelen', en: 'review' },
  typedAccept: { nl: 'accepteren', en: 'accept' },
  typedReturn: { nl: 'terugsturen', en: 'return' },
} satisfies Record<string, Bilingual>;

export const tt = textCatalog(T);
