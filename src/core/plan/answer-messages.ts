/**
 * What the bot says when an answer is not accepted yet: what is missing and how to fix it,
 * Dutch and English side by side, plain language (B1), no blame.
 */
import type { Bilingual, Language } from '../language.js';
import type { BoardMember } from './plan-state.js';
import type { ChoiceOption } from './template-schema.js';
import type { TextProblem } from './text-checks.js';

/** The sentence a board answer ends with. The template's guidance quotes it; keep them equal. */
export const CONFIRMATION_SENTENCE: Bilingual = {
  nl: 'Alle bestuursleden voldoen aan de formele eisen.',
  en: 'All board members meet the formal requirements.',
};

const EXAMPLE_MEMBER: Bilingual = { nl: 'Anna Jansen - voorzitter', en: 'Anna Jansen - chair' };

function list(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'nl' ? 'en' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

export function textProblemMessage(problem: TextProblem, language: Language): string {
  const nl = language === 'nl';
  switch (problem.kind) {
    case 'empty':
      return nl
        ? 'Je hebt nog niets ingevuld. Schrijf je antwoord in een paar zinnen.'
        : "You haven't written anything yet. Please answer in a few sentences.";
    case 'too-long':
      return nl
        ? `Dat is erg lang: maximaal ${problem.max} tekens. Je hebt er nu ${problem.actual}. Kort het wat in.`
        : `That's very long: at most ${problem.max} characters. You have ${problem.actual}. Please shorten it.`;
    case 'placeholder':
      return nl
        ? `"${problem.text}" is nog geen antwoord. Schrijf in je eigen woorden hoe het bij jullie zit. Weet je het nog niet? Sla dit onderdeel dan over en kom er later op terug.`
        : `"${problem.text}" is not an answer yet. Please describe in your own words how things are for you. Don't know yet? Skip this part and come back to it later.`;
    case 'lorem':
      return nl
        ? 'Dit is opvultekst (lorem ipsum). Schrijf in je eigen woorden hoe het bij jullie zit.'
        : 'This is filler text (lorem ipsum). Please describe in your own words how things are for you.';
    case 'repeated':
      return problem.word !== undefined
        ? nl
          ? `Je antwoord herhaalt steeds hetzelfde woord ("${problem.word}"). Schrijf een paar gewone zinnen.`
          : `Your answer repeats the same word ("${problem.word}"). Please write a few normal sentences.`
        : nl
          ? 'Je antwoord herhaalt steeds dezelfde woorden. Schrijf een paar gewone zinnen.'
          : 'Your answer keeps repeating the same words. Please write a few normal sentences.';
    case 'copied-example':
      return nl
        ? 'Dit lijkt op het voorbeeld. Dat gaat over een verzonnen buurtplatform. Schrijf het over jullie eigen platform en buurt.'
        : 'This looks like the example, which is about an invented platform. Please write it about your own platform and neighbourhood.';
    case 'too-few-words':
      return nl
        ? `Dat is nog wat kort: schrijf minstens ${problem.min} woorden. Je hebt er nu ${problem.actual}.`
        : `That's a bit short: please write at least ${problem.min} words. You have ${problem.actual} so far.`;
    case 'too-few-chars':
      return nl
        ? `Dat is nog wat kort: schrijf minstens ${problem.min} tekens. Je hebt er nu ${problem.actual}.`
        : `That's a bit short: please write at least ${problem.min} characters. You have ${problem.actual} so far.`;
  }
}

export function emptyBoardMessage(minMembers: number, language: Language): string {
  return language === 'nl'
    ? `Je hebt nog niets ingevuld. Noem minstens ${minMembers} bestuursleden met naam en rol, één per regel, bijvoorbeeld: "${EXAMPLE_MEMBER.nl}". Sluit af met: "${CONFIRMATION_SENTENCE.nl}"`
    : `You haven't written anything yet. Name at least ${minMembers} board members with name and role, one per line, for example: "${EXAMPLE_MEMBER.en}". End with: "${CONFIRMATION_SENTENCE.en}"`;
}

export function negatedConfirmationMessage(minMembers: number, language: Language): string {
  return language === 'nl'
    ? `Je schrijft dat niet alle bestuursleden aan de formele eisen voldoen. Bij het inleveren van het Plan van Aanpak moeten er ${minMembers} bestuursleden zijn die aan alle formele eisen voldoen. Lukt dat nog niet? Bespreek het met je procescoördinator of de opbouwwerker van Trajekt. Klopt het wel? Sluit dan af met precies deze zin: "${CONFIRMATION_SENTENCE.nl}"`
    : `You write that not all board members meet the formal requirements. When the Plan van Aanpak is handed in, there must be ${minMembers} board members who meet all formal requirements. Not there yet? Talk it over with your process coordinator or the Trajekt community worker. If they do all meet them, end with exactly this sentence: "${CONFIRMATION_SENTENCE.en}"`;
}

export function withoutRoleMessage(names: readonly string[], language: Language): string {
  const quoted = names.map((name) => `"${name}"`);
  return language === 'nl'
    ? `Bij ${list(quoted, 'nl')} mist de rol. Schrijf bijvoorbeeld: "${EXAMPLE_MEMBER.nl}".`
    : `The role is missing for ${list(quoted, 'en')}. Write for example: "${EXAMPLE_MEMBER.en}".`;
}

export function withoutNameMessage(roles: readonly string[], language: Language): string {
  const quoted = roles.map((role) => `"${role}"`);
  return language === 'nl'
    ? `Bij ${list(quoted, 'nl')} mist de naam. Schrijf bijvoorbeeld: "${EXAMPLE_MEMBER.nl}".`
    : `The name is missing for ${list(quoted, 'en')}. Write for example: "${EXAMPLE_MEMBER.en}".`;
}

export function tooFewMembersMessage(found: readonly BoardMember[], minMembers: number, language: Language): string {
  const people = found.map((member) => `${member.name} (${member.role})`).join(', ');
  if (language === 'nl') {
    const seen =
      found.length === 0
        ? 'Ik zie nog geen bestuursleden met naam en rol.'
        : `Ik zie nu ${found.length} ${found.length === 1 ? 'bestuurslid' : 'bestuursleden'}: ${people}.`;
    return `${seen} Er zijn er minstens ${minMembers} nodig, elk met naam en rol. Zet iedere persoon op een eigen regel, bijvoorbeeld: "${EXAMPLE_MEMBER.nl}".`;
  }
  const seen =
    found.length === 0
      ? "I can't see any board members with a name and a role yet."
      : `I can see ${found.length} board ${found.length === 1 ? 'member' : 'members'}: ${people}.`;
  return `${seen} At least ${minMembers} are needed, each with a name and a role. Put each person on their own line, for example: "${EXAMPLE_MEMBER.en}".`;
}

export function missingConfirmationMessage(language: Language): string {
  return language === 'nl'
    ? `Bevestig nog dat alle bestuursleden aan de formele eisen voldoen. Sluit af met de zin: "${CONFIRMATION_SENTENCE.nl}"`
    : `Please also confirm that all board members meet the formal requirements. End with the sentence: "${CONFIRMATION_SENTENCE.en}"`;
}

export function unknownChoiceMessage(options: readonly ChoiceOption[], language: Language): string {
  const choices = options.map((option, index) => `${index + 1}. ${option.label[language]}`).join('\n');
  return language === 'nl'
    ? `Ik herken die keuze niet. Kies een van deze opties (typ het nummer of de naam):\n${choices}`
    : `I don't recognise that choice. Pick one of these options (type the number or the name):\n${choices}`;
}
