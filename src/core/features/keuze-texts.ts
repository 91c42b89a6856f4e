/** The words and texts of the keuze feature (keuze.ts), Dutch and English. */
import type { Bilingual } from '../language.js';
import { textCatalog } from '../texts.js';

export const KEUZE_WORDS = {
  keuze: ['keuze', 'onze keuze', 'kiezen', 'choice', 'our choice', 'choose'],
  overview: ['keuzes', 'omslag', 'indicatie omslag', 'choices'],
  initiative: ['initiatief', 'nieuw initiatief', 'initiative', 'new initiative'],
  yes: ['ja', 'yes'],
};

const T = {
  title: { nl: '🧭 **De keuze van {platform}**', en: '🧭 **The choice of {platform}**' },
  intro: {
    nl: 'Uiterlijk {deadline} kiest elk buurtplatform welke weg het gaat. Dit zijn de wegen uit de brief van de gemeente:',
    en: 'By {deadline} every buurtplatform chooses which way it goes. These are the paths from the municipality’s letter:',
  },
  currentNone: { nl: 'Jullie hebben nog geen keuze doorgegeven.', en: 'You have not recorded a choice yet.' },
  current: {
    nl: 'Jullie keuze nu: **{label}** (doorgegeven op {date}{by}).',
    en: 'Your choice now: **{label}** (recorded on {date}{by}).',
  },
  by: { nl: ' door {name}', en: ' by {name}' },
  how: { nl: 'Kies met een knop, of typ het nummer.', en: 'Choose with a button, or type the number.' },
  decided: { nl: '📌 Besluit ({date}): {tell}{note}', en: '📌 Decision ({date}): {tell}{note}' },
  closed: {
    nl: 'De keuze kon tot en met {deadline}. Wil je toch iets veranderen? Neem contact op met je procescoördinator zelfsturing.',
    en: 'The choice was open until {deadline}. Want to change it anyway? Contact your procescoördinator zelfsturing.',
  },
  confirm: {
    nl: 'Jullie kiezen: **{label}**.\n{explain}\n\nKlopt dat? Dan leg ik het vast en geef ik het door aan de coördinatoren.',
    en: 'You choose: **{label}**.\n{explain}\n\nIs that right? Then I will record it and tell the coordinators.',
  },
  confirmYes: { nl: 'Ja, dit is onze keuze', en: 'Yes, this is our choice' },
  confirmNo: { nl: 'Nee', en: 'No' },
  typedYes: { nl: 'ja', en: 'yes' },
  typedNo: { nl: 'nee', en: 'no' },
  cancelled: {
    nl: 'Oké, ik heb niets veranderd. Typ `keuze` als je wilt kiezen.',
    en: 'OK, I changed nothing. Type `choice` when you want to choose.',
  },
  unchanged: {
    nl: 'Dat is al jullie keuze (sinds {date}). Er verandert niets.',
    en: 'That is your choice already (since {date}). Nothing changes.',
  },
  recorded: {
    nl: 'Vastgelegd: {platform} kiest **{label}** ({date}). De coördinatoren weten het. Tot en met {deadline} kunnen jullie dit veranderen met `keuze`.',
    en: 'Recorded: {platform} chooses **{label}** ({date}). The coordinators know. Until {deadline} you can change it with `choice`.',
  },
  nextPlan: {
    nl: 'Volgende stap: het Plan van Aanpak, ook uiterlijk {deadline}. Typ `plan` om te beginnen.',
    en: 'Next step: the Plan van Aanpak, also due by {deadline}. Type `plan` to start.',
  },
  nextNoPlan: {
    nl: 'Een Plan van Aanpak is dan niet nodig; herinneringen daarover stoppen voor jullie platform.',
    en: 'A Plan van Aanpak is then not needed; reminders about it stop for your platform.',
  },
  nextUndecided: {
    nl: 'Praat erover in het bestuur en kies uiterlijk {deadline}.',
    en: 'Talk it over in the board and choose by {deadline}.',
  },
  openPlan: { nl: 'Plan van Aanpak openen', en: 'Open the Plan van Aanpak' },
  notify: {
    nl: '🧭 Keuze van {platform}: **{label}**{was} — doorgegeven door {name}.',
    en: '🧭 Choice of {platform}: **{label}**{was} — recorded by {name}.',
  },
  was: { nl: ' (was: {label})', en: ' (was: {label})' },
  notMember: {
    nl: 'Je bent nog geen lid van een buurtplatform in buurtbot. Typ `aanmelden <naam van jullie platform>`; een groep in een buurt zonder buurtplatform typt `initiatief <naam van de buurt>`.',
    en: 'You are not a member of a buurtplatform in buurtbot yet. Type `join <name of your platform>`; a group in a buurt without a buurtplatform types `initiative <name of the buurt>`.',
  },
  whichPlatform: { nl: 'Voor welk platform geef je de keuze door?', en: 'Which platform are you recording the choice for?' },
  unknownPlatform: {
    nl: 'Ik ken geen platform "{query}". Typ `platforms` voor de lijst.',
    en: 'I do not know a platform "{query}". Type `platforms` for the list.',
  },
  noAccess: {
    nl: 'Alleen bestuursleden van {platform} (en coördinatoren) geven de keuze door.',
    en: 'Only board members of {platform} (and coordinators) record its choice.',
  },
  initiativeHow: {
    nl: '{explain}\n\nWil je jullie initiatief aanmelden? Typ `initiatief <naam van de buurt>`, bijvoorbeeld `initiatief Wittevrouwenveld`. Een coördinator neemt dan contact met je op.',
    en: '{explain}\n\nWant to register your initiative? Type `initiative <name of the buurt>`, for example `initiative Wittevrouwenveld`. A coordinator will then contact you.',
  },
  initiativeTooLong: {
    nl: 'Dat is een lange naam voor een buurt. Typ alleen de naam van de buurt (hoogstens 80 tekens).',
    en: 'That is a long name for a buurt. Type only the name of the buurt (at most 80 characters).',
  },
  initiativeDone: {
    nl: 'Dank je! Jullie initiatief in {buurt} staat genoteerd en de coördinatoren weten het; een van hen neemt contact met je op.\n{explain}',
    en: 'Thank you! Your initiative in {buurt} is registered and the coordinators know; one of them will contact you.\n{explain}',
  },
  initiativeNotify: {
    nl: '🌱 Nieuw initiatief in {buurt}, contactpersoon: {name}. Typ `keuzes` voor het overzicht.',
    en: '🌱 New initiative in {buurt}, contact: {name}. Type `choices` for the overview.',
  },
  onlyCoordinators: {
    nl: 'Het overzicht van de keuzes is alleen voor coördinatoren. Typ `keuze` voor die van jullie platform.',
    en: 'The overview of the choices is for coordinators only. Type `choice` for your own platform’s.',
  },
  overviewTitle: {
    nl: '🧭 **Indicatie omslag** — keuze uiterlijk {deadline}',
    en: '🧭 **Indicatie omslag** (the choices) — due by {deadline}',
  },
  perPlatform: { nl: '**Per platform:**', en: '**Per platform:**' },
  notAnswered: { nl: 'nog niets doorgegeven', en: 'nothing recorded yet' },
  initiativesTitle: { nl: '**Initiatieven zonder buurtplatform:**', en: '**Initiatives without a buurtplatform:**' },
  helpLine: {
    nl: '• `keuze` — jullie keuze in de transitie doorgeven; `initiatief <buurt>` — een nieuw initiatief aanmelden',
    en: '• `choice` — record your platform’s choice in the transition; `initiative <buurt>` — register a new initiative',
  },
  helpCoordinator: {
    nl: '• Coördinatoren: `keuzes` — de indicatie omslag van alle platforms',
    en: '• Coordinators: `choices` — the indicatie omslag of all platforms',
  },
  someone: { nl: 'iemand', en: 'someone' },
} satisfies Record<string, Bilingual>;

export const tt = textCatalog(T);
