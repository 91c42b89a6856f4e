import type { Bilingual } from '../../language.js';
import { textCatalog } from '../../texts.js';

const texts = {
  helpful: { nl: 'Nuttig', en: 'Helpful' },
  notHelpful: { nl: 'Niet nuttig', en: 'Not helpful' },
  forward: { nl: 'Vraag het een coördinator', en: 'Ask a coordinator' },
  noneOfThese: { nl: 'Geen van deze: vraag een coördinator', en: 'None of these: ask a coordinator' },
  seeAlso: { nl: 'Zie ook', en: 'See also' },
  whatICanDo: { nl: 'Wat kan buurtbot?', en: 'What can buurtbot do?' },
  // What a person types instead of pressing a button (each is one of the feature's command words).
  typedHelpful: { nl: 'nuttig', en: 'helpful' },
  typedNotHelpful: { nl: 'niet nuttig', en: 'not helpful' },
  typedForward: { nl: 'doorsturen', en: 'forward' },
  typedHelp: { nl: 'hulp', en: 'help' },
  choiceGone: {
    nl: 'Dat onderwerp kan ik niet meer vinden. Stel je vraag nog eens?',
    en: 'I cannot find that topic any more. Could you ask again?',
  },
  thanks: { nl: 'Dank je voor je reactie!', en: 'Thanks for your feedback!' },
  whyNot: {
    nl: 'Jammer. Wat klopte er niet of wat miste je? Typ het in één zin (of `overslaan`). Ik kan de vraag ook doorsturen naar een coördinator.',
    en: 'Sorry about that. What was wrong or missing? Type it in one sentence (or `skip`). I can also forward the question to a coordinator.',
  },
  reasonSaved: { nl: 'Bedankt, dat helpt ons de antwoorden beter te maken.', en: 'Thank you, that helps us improve the answers.' },
  forwarded: {
    nl: 'Ik heb je vraag doorgestuurd naar de coördinatoren (procescoördinatoren zelfsturing en opbouwwerkers). Je krijgt hun antwoord hier.',
    en: 'I have forwarded your question to the coordinators (process coordinators and community workers). Their answer will reach you here.',
  },
  alreadyForwarded: { nl: 'Deze vraag is al doorgestuurd.', en: 'This question has already been forwarded.' },
  nothingToForward: {
    nl: 'Ik weet niet welke vraag je wilt doorsturen. Stel je vraag eerst.',
    en: 'I do not know which question to forward. Ask your question first.',
  },
  notifyForward: {
    nl: '❓ Vraag van {name} ({language}): "{question}"\nBeantwoord met `antwoord {id} <je antwoord>`.',
    en: '❓ Question from {name} ({language}): "{question}"\nAnswer with `answer {id} <your answer>`.',
  },
  backToPlan: { nl: 'Typ `verder` om door te gaan met jullie plan.', en: 'Type `continue` to go on with your plan.' },
  onlyCoordinators: { nl: 'Dit kunnen alleen coördinatoren doen.', en: 'Only coordinators can do this.' },
  waitingNone: { nl: 'Er wachten geen doorgestuurde vragen.', en: 'No forwarded questions are waiting.' },
  waitingTitle: { nl: 'Doorgestuurde vragen die op antwoord wachten:', en: 'Forwarded questions waiting for an answer:' },
  replyUsage: {
    nl: 'Typ `antwoord <nr> <je antwoord>`; het nummer staat in de lijst (`vragen`).',
    en: 'Type `answer <nr> <your answer>`; the number is in the list (`questions`).',
  },
  replyUnknown: { nl: 'Ik vind geen doorgestuurde vraag met nummer {id}.', en: 'I cannot find a forwarded question with number {id}.' },
  replySent: {
    nl: 'Je antwoord is verstuurd naar {name}. Typ `kb toevoegen {id}` om er een kennisbank-artikel van te maken.',
    en: 'Your answer was sent to {name}. Type `kb add {id}` to turn it into a knowledge-base entry.',
  },
  replyToAsker: {
    nl: '📨 Antwoord van een coördinator op je vraag "{question}":\n{answer}',
    en: '📨 A coordinator answered your question "{question}":\n{answer}',
  },
  kbAdded: {
    nl: 'Toegevoegd aan de kennisbank als {file}. Vanaf nu kan ik deze vraag zelf beantwoorden.',
    en: 'Added to the knowledge base as {file}. From now on I can answer this question myself.',
  },
  kbAddUsage: {
    nl: 'Typ `kb toevoegen <nr>` voor een vraag die je al beantwoord hebt.',
    en: 'Type `kb add <nr>` for a question you have answered.',
  },
  kbReloaded: {
    nl: 'Kennisbank opnieuw geladen: {entries} artikelen{problems}.',
    en: 'Knowledge base reloaded: {entries} entries{problems}.',
  },
  kbProblems: { nl: ', {count} problemen (zie `buurtbot kb validate`)', en: ', {count} problems (see `buurtbot kb validate`)' },
  helpLine: {
    nl: '• Reageer op een antwoord met `nuttig` of `niet nuttig`; `doorsturen` stuurt je vraag naar een coördinator',
    en: '• React to an answer with `helpful` or `not helpful`; `forward` sends your question to a coordinator',
  },
  helpCoordinator: {
    nl: '• Coördinatoren: `vragen`, `antwoord <nr> <tekst>`, `kb toevoegen <nr>`, `kb herladen`',
    en: '• Coordinators: `questions`, `answer <nr> <text>`, `kb add <nr>`, `kb reload`',
  },
} satisfies Record<string, Bilingual>;

export const at = textCatalog(texts);
