import type { Bilingual } from '../../language.js';
import { textCatalog } from '../../texts.js';

const texts = {
  returnedIntro: {
    nl: '↩️ Jullie plan is op {date} teruggestuurd. Reden: {reason}\nOpmerkingen bij: {parts}. Pas die onderdelen aan en dien het plan daarna opnieuw in met `indienen`.',
    en: '↩️ Your plan was returned on {date}. Reason: {reason}\nComments on: {parts}. Change those parts, then hand the plan in again with `submit`.',
  },
  dueBy: { nl: 'uiterlijk {date}', en: 'due {date}' },
  reviewComment: { nl: '💬 Opmerking van {name}: {text}', en: '💬 Comment from {name}: {text}' },
  coordinator: { nl: 'de coördinator', en: 'the coordinator' },
  alreadyAccepted: {
    nl: 'Jullie Plan van Aanpak is al geaccepteerd door de coördinatoren; indienen is niet meer nodig.',
    en: 'Your Plan van Aanpak has already been accepted by the coordinators; there is no need to hand it in again.',
  },
  notifyResubmitted: {
    nl: '📥 {platform} heeft het Plan van Aanpak opnieuw ingediend (ronde {round}, door {name}). Typ `beoordelen` voor de plannen die wachten.',
    en: '📥 {platform} handed in the Plan van Aanpak again (round {round}, by {name}). Type `review` for the plans waiting.',
  },
  planNotNeeded: {
    nl: '{platform} koos: **{label}**. Dan hoeft er geen Plan van Aanpak; dat is alleen voor platforms die buurtnetwerk worden. Wat al geschreven is, blijft bewaard. Van gedachten veranderd? Typ `keuze`.',
    en: '{platform} chose: **{label}**. Then no Plan van Aanpak is needed; it is only for platforms that become a buurtnetwerk. What was written is kept. Changed your mind? Type `choice`.',
  },
  notMember: {
    nl: 'Je bent nog geen lid van een buurtplatform in buurtbot, dus ik kan geen plan voor je openen.\nTyp `aanmelden <naam van jullie platform>` en een coördinator keurt het goed. Typ `platforms` om de lijst te zien.',
    en: 'You are not a member of a buurtplatform in buurtbot yet, so I cannot open a plan for you.\nType `join <name of your platform>` and a coordinator will approve it. Type `platforms` to see the list.',
  },
  noAccess: {
    nl: 'Dit plan is van {platform}. Alleen de leden van dat platform en coördinatoren kunnen het lezen of wijzigen.',
    en: 'This plan belongs to {platform}. Only that platform’s members and coordinators can read or change it.',
  },
  unknownPlatform: {
    nl: 'Ik ken geen platform "{query}". Typ `platforms` voor de lijst.',
    en: 'I do not know a platform "{query}". Type `platforms` for the list.',
  },
  choosePlatform: {
    nl: 'Je bent lid van meer platforms. Aan welk plan wil je werken?',
    en: 'You are a member of several platforms. Which plan do you want to work on?',
  },
  welcome: {
    nl: 'We gaan samen het *{document}* van {platform} schrijven, stap voor stap. Alles wat je typt wordt meteen bewaard; je kunt altijd stoppen en later verder (typ `plan`). Typ `hulp` voor de commando’s.',
    en: 'Let’s write the *{document}* of {platform} together, step by step. Everything you type is saved at once; you can stop any time and continue later (type `plan`). Type `help` for the commands.',
  },
  resumed: { nl: 'Welkom terug bij het plan van {platform}.', en: 'Welcome back to the plan of {platform}.' },
  step: { nl: 'Stap {n} van {total}: {title}', en: 'Step {n} of {total}: {title}' },
  required: { nl: 'verplicht', en: 'required' },
  optional: { nl: 'mag je overslaan', en: 'optional' },
  onlyOptionalLeft: {
    nl: 'Alle verplichte stappen zijn ingevuld. Deze stap mag je overslaan: typ `indienen` om het plan nu in te leveren, of vul hem eerst in.',
    en: 'All required steps are filled in. You may skip this step: type `submit` to hand in the plan now, or fill it in first.',
  },
  guidance: { nl: 'Tip: {text}', en: 'Tip: {text}' },
  fromLetter: { nl: 'Uit de brief ({source}): {text}', en: 'From the letter ({source}): {text}' },
  currentAnswer: {
    nl: 'Nu staat er (van {author}, {date}):\n{text}\nStuur een nieuwe tekst om die te vervangen, of `overslaan` om hem te houden.',
    en: 'Currently saved (by {author}, {date}):\n{text}\nSend a new text to replace it, or `skip` to keep it.',
  },
  yourDraft: {
    nl: 'Je was hiermee bezig (nog niet opgeslagen):\n{text}',
    en: 'You were working on this (not saved yet):\n{text}',
  },
  daysLeft: { nl: 'Nog {days} dagen tot de deadline ({date}).', en: '{days} days left until the deadline ({date}).' },
  dayLeft: { nl: 'Nog 1 dag tot de deadline ({date}).', en: '1 day left until the deadline ({date}).' },
  deadlineToday: { nl: 'Vandaag is de deadline ({date}).', en: 'The deadline is today ({date}).' },
  deadlinePassed: {
    nl: 'Let op: de deadline ({date}) is verstreken. Je kunt het plan nog afmaken en indienen; overleg met je procescoördinator wat dat betekent.',
    en: 'Note: the deadline ({date}) has passed. You can still finish and submit the plan; ask your process coordinator what that means for you.',
  },
  saved: { nl: 'Opgeslagen: {title}. ✓', en: 'Saved: {title}. ✓' },
  invalid: {
    nl: '{reason}\nJe tekst is bewaard als concept. Pas hem aan en stuur hem opnieuw.',
    en: '{reason}\nYour text is kept as a draft. Adjust it and send it again.',
  },
  confirmOverwrite: {
    nl: 'Bij "{title}" staat al een antwoord van {author}. Wil je dat vervangen door jouw nieuwe tekst?',
    en: '"{title}" already has an answer by {author}. Do you want to replace it with your new text?',
  },
  kept: {
    nl: 'Goed, ik heb niets veranderd. Het bestaande antwoord blijft staan.',
    en: 'Fine, nothing changed. The existing answer stays.',
  },
  conflict: {
    nl: 'Let op: {author} heeft "{title}" net aangepast, terwijl jij schreef. Hun versie:\n{text}\n\nWil je toch jouw versie opslaan?',
    en: 'Heads up: {author} just changed "{title}" while you were writing. Their version:\n{text}\n\nDo you still want to save your version?',
  },
  skipped: {
    nl: 'Oké, "{title}" slaan we nu over. Je kunt er later naar terug (`bewerk {n}`).',
    en: 'OK, we skip "{title}" for now. You can come back later (`edit {n}`).',
  },
  noPrevious: { nl: 'Dit is de eerste stap; verder terug kan niet.', en: 'This is the first step; there is nothing before it.' },
  unknownSection: {
    nl: 'Welke stap bedoel je? Typ een nummer (1 tot {total}) of een deel van de titel. Typ `overzicht` voor de lijst.',
    en: 'Which step do you mean? Type a number (1 to {total}) or part of the title. Type `overview` for the list.',
  },
  paused: {
    nl: 'Gepauzeerd. Alles is bewaard. Typ `plan` als je verder wilt; je kunt me intussen gewoon vragen stellen.',
    en: 'Paused. Everything is saved. Type `plan` to continue; meanwhile you can just ask me questions.',
  },
  allDone: {
    nl: 'Alle verplichte stappen zijn ingevuld! Typ `overzicht` om alles na te lopen, of `indienen` om het plan in te leveren.',
    en: 'All required steps are filled in! Type `overview` to check everything, or `submit` to hand in the plan.',
  },
  overviewTitle: { nl: '{document} van {platform} — {status}', en: '{document} of {platform} — {status}' },
  overviewDone: { nl: 'Klaar ({count}):', en: 'Done ({count}):' },
  overviewMissing: { nl: 'Nog nodig ({count}):', en: 'Still needed ({count}):' },
  overviewOptional: { nl: 'Nog open, niet verplicht:', en: 'Still open, optional:' },
  overviewBy: { nl: 'door {author}', en: 'by {author}' },
  submitMissing: {
    nl: 'Het plan kan nog niet worden ingediend. Deze verplichte stappen missen nog:\n{list}\nTyp `bewerk <nummer>` om er één in te vullen.',
    en: 'The plan cannot be submitted yet. These required steps are still missing:\n{list}\nType `edit <number>` to fill one in.',
  },
  submitConfirm: {
    nl: 'Alles is ingevuld. Wil je het {document} van {platform} nu indienen? De coördinatoren krijgen bericht.',
    en: 'Everything is filled in. Do you want to submit the {document} of {platform} now? The coordinators will be told.',
  },
  submitted: {
    nl: 'Ingediend! 🎉 Het {document} van {platform} staat op naam van {name} ({date}). De coördinatoren zijn op de hoogte. Wijzigingen kunnen nog; dan krijgen zij opnieuw bericht.',
    en: 'Submitted! 🎉 The {document} of {platform} was submitted by {name} ({date}). The coordinators have been told. You can still make changes; they will be told again.',
  },
  alreadySubmitted: {
    nl: 'Dit plan is al ingediend ({date}) en sindsdien niet gewijzigd.',
    en: 'This plan was already submitted ({date}) and has not changed since.',
  },
  submitCancelled: {
    nl: 'Niet ingediend. Je kunt verder werken of later `indienen` typen.',
    en: 'Not submitted. Keep working, or type `submit` later.',
  },
  notifySubmitted: {
    nl: '📬 Het {document} van {platform} is ingediend door {name}.',
    en: '📬 The {document} of {platform} was submitted by {name}.',
  },
  notifyRevised: {
    nl: '✏️ Het ingediende plan van {platform} is gewijzigd door {name} (stap: {title}).',
    en: '✏️ The submitted plan of {platform} was changed by {name} (step: {title}).',
  },
  help: {
    nl: 'Zo werkt het plan:\n• Typ je antwoord op de vraag en stuur het. Ik controleer het en bewaar het.\n• `overslaan` — deze stap later doen\n• `terug` — naar de vorige stap\n• `bewerk 3` of `bewerk bestuur` — naar een stap\n• `overzicht` — wat is klaar, wat mist, hoeveel dagen nog\n• `voorbeeld` — een voorbeeldantwoord\n• `geschiedenis` — eerdere versies van deze stap\n• `indienen` — het plan inleveren\n• `pauze` — stoppen; later verder met `plan`\n• Een vraag tussendoor? Stel hem gewoon (of begin met `vraag`); daarna typ je `verder`.',
    en: 'How the plan works:\n• Type your answer to the question and send it. I check it and save it.\n• `skip` — do this step later\n• `back` — to the previous step\n• `edit 3` or `edit board` — go to a step\n• `overview` — what is done, what is missing, days left\n• `example` — an example answer\n• `history` — earlier versions of this step\n• `submit` — hand in the plan\n• `pause` — stop; continue later with `plan`\n• A question in between? Just ask it (or start with `ask`); then type `continue`.',
  },
  historyTitle: { nl: 'Versies van "{title}":', en: 'Versions of "{title}":' },
  historyEmpty: { nl: 'Van "{title}" is nog geen versie opgeslagen.', en: 'No version of "{title}" has been saved yet.' },
  noCurrent: { nl: 'Typ `plan` om met het plan te beginnen.', en: 'Type `plan` to start the plan.' },
  answerYesNo: { nl: 'Antwoord met `ja` of `nee`.', en: 'Answer `yes` or `no`.' },
  staleButton: {
    nl: 'Die knop hoort bij een eerdere stap, dus ik heb niets veranderd. We zijn nu bij: *{step}*.',
    en: 'That button belongs to an earlier step, so I changed nothing. We are now at: *{step}*.',
  },
  staleButtonClosed: {
    nl: 'Die knop hoort bij een plan dat nu niet open staat. Typ `plan` om verder te gaan.',
    en: 'That button belongs to a plan that is not open now. Type `plan` to continue.',
  },
  someone: { nl: 'iemand', en: 'someone' },
  formTitle: { nl: 'Stap {n}: {title}', en: 'Step {n}: {title}' },
  helpLine: {
    nl: '• `plan` — werk (samen) aan het Plan van Aanpak van jullie platform',
    en: '• `plan` — work (together) on your platform’s Plan van Aanpak',
  },
  viewLink: { nl: 'Leesbare, printbare versie: {url}', en: 'Readable, printable version: {url}' },
} satisfies Record<string, Bilingual>;

export type PlanTextKey = keyof typeof texts;

export const pt = textCatalog(texts);

/** What a person types instead of pressing a plan button (each is one of PLAN_WORDS). */
export const TYPED = {
  skip: { nl: 'overslaan', en: 'skip' },
  back: { nl: 'terug', en: 'back' },
  example: { nl: 'voorbeeld', en: 'example' },
  overview: { nl: 'overzicht', en: 'overview' },
  pause: { nl: 'pauze', en: 'pause' },
  submit: { nl: 'indienen', en: 'submit' },
  resume: { nl: 'verder', en: 'continue' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
} satisfies Record<string, Bilingual>;

export const BUTTON_LABELS = {
  skip: { nl: 'Overslaan', en: 'Skip' },
  back: { nl: 'Terug', en: 'Back' },
  overview: { nl: 'Overzicht', en: 'Overview' },
  pause: { nl: 'Pauze', en: 'Pause' },
  submit: { nl: 'Indienen', en: 'Submit' },
  resume: { nl: 'Verder', en: 'Continue' },
  example: { nl: 'Voorbeeld', en: 'Example' },
  yesReplace: { nl: 'Ja, vervang', en: 'Yes, replace' },
  noKeep: { nl: 'Nee, bewaar het oude', en: 'No, keep the old one' },
  mine: { nl: 'Mijn versie opslaan', en: 'Save my version' },
  theirs: { nl: 'Hun versie houden', en: 'Keep their version' },
  yesSubmit: { nl: 'Ja, indienen', en: 'Yes, submit' },
  notYet: { nl: 'Nog niet', en: 'Not yet' },
} satisfies Record<string, Bilingual>;
