/**
 * The Slack surface's own words (modal buttons, App Home, assistant prompts, notices), Dutch first,
 * plain language. Everything the bot says about the transition itself comes from the core.
 */
import type { Bilingual } from '../../core/language.js';
import { textCatalog } from '../../core/texts.js';

const catalog = {
  'modal.submit': { nl: 'Opslaan', en: 'Save' },
  'modal.close': { nl: 'Annuleren', en: 'Cancel' },
  'modal.continued': { nl: 'Vervolg', en: 'Continued' },
  'modal.answer': { nl: 'Jouw antwoord', en: 'Your answer' },
  'modal.hint': {
    nl: 'Schrijf rustig in dit venster. Je kunt ook gewoon in het gesprek typen.',
    en: 'Take your time writing here. You can also just type in the conversation.',
  },
  'mention.movedToDm': {
    nl: 'Het Plan van Aanpak schrijven we samen in [je privébericht met buurtbot]({link}): daar staat de eerste stap al klaar.',
    en: 'We write the Plan van Aanpak together in [your direct message with buurtbot]({link}): the first step is waiting there.',
  },
  'command.movedToDm': {
    nl: 'Ik ga verder in een privébericht aan jou, zodat je rustig aan het Plan van Aanpak kunt werken.',
    en: 'I continue in a direct message to you, so you can work on the Plan van Aanpak in peace.',
  },
  'command.failed': {
    nl: 'Dat lukte nu niet. Probeer het zo nog eens, of stuur me een privébericht.',
    en: 'That did not work just now. Please try again in a moment, or send me a direct message.',
  },
  'assistant.thinking': { nl: 'denkt na…', en: 'is thinking…' },
  'assistant.promptsTitle': { nl: 'Waarmee kan ik je helpen?', en: 'How can I help you?' },
  'prompt.deadline.title': { nl: 'Wanneer moet het plan binnen zijn?', en: 'When is the plan due?' },
  'prompt.deadline.message': { nl: 'Wanneer moet ons Plan van Aanpak binnen zijn?', en: 'When is our Plan van Aanpak due?' },
  'prompt.plan.title': { nl: 'Start ons Plan van Aanpak', en: 'Start our Plan van Aanpak' },
  'prompt.plan.message': { nl: 'Start ons Plan van Aanpak', en: 'Start our Plan van Aanpak' },
  'home.greeting': {
    nl: 'Hoi {name}! Ik ben buurtbot. Ik help buurtplatforms op weg naar een buurtnetwerk.',
    en: 'Hi {name}! I am buurtbot. I help buurtplatforms on their way to a buurtnetwerk.',
  },
  'home.greetingNoName': {
    nl: 'Hoi! Ik ben buurtbot. Ik help buurtplatforms op weg naar een buurtnetwerk.',
    en: 'Hi! I am buurtbot. I help buurtplatforms on their way to a buurtnetwerk.',
  },
  'home.planTitle': { nl: 'Jullie Plan van Aanpak', en: 'Your Plan van Aanpak' },
  'home.planStart': {
    nl: 'Ik help je het Plan van Aanpak stap voor stap te schrijven, samen met je medebestuursleden. Klik op *Start ons Plan van Aanpak* of typ `plan` in een bericht aan mij. Je kunt altijd stoppen en later verdergaan.',
    en: 'I help you write the Plan van Aanpak step by step, together with your fellow board members. Click *Start our Plan van Aanpak* or type `plan` in a message to me. You can stop at any time and continue later.',
  },
  'home.platform': { nl: 'Platform: *{platform}*', en: 'Platform: *{platform}*' },
  'home.progress': { nl: 'Voortgang: {progress}', en: 'Progress: {progress}' },
  'home.nextSteps': { nl: '*Volgende stappen*', en: '*Next steps*' },
  'home.howToAsk': {
    nl: 'Stel je vraag in een privébericht aan mij, noem @buurtbot in een kanaal, of gebruik `/buurtbot vraag …`.',
    en: 'Ask me in a direct message, mention @buurtbot in a channel, or use `/buurtbot ask …`.',
  },
  'home.helpButton': { nl: 'Hulp', en: 'Help' },
  'home.helpTyped': { nl: 'hulp', en: 'help' },
} satisfies Record<string, Bilingual>;

export type SlackTextKey = keyof typeof catalog;

export const st = textCatalog(catalog);
