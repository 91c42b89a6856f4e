/**
 * The slash commands and what each one means to the core. A command is translated into the text
 * a person could type instead (every command has a typed equivalent), so the core needs no
 * Discord knowledge. Registration goes to one server (instant) when DISCORD_GUILD_ID is set,
 * otherwise globally (can take up to an hour to appear).
 */
import {
  ApplicationCommandOptionType,
  Routes,
  type APIApplicationCommandStringOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

const question = (nl: string, en: string): APIApplicationCommandStringOption => ({
  type: ApplicationCommandOptionType.String,
  name: 'question',
  description: nl,
  description_localizations: { 'en-US': en, 'en-GB': en },
  required: true,
  max_length: 4000,
});

export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'vraag',
    description: 'Stel een vraag over de overgang naar buurtnetwerken',
    description_localizations: { 'en-US': 'Ask a question about the move to buurtnetwerken', 'en-GB': 'Ask a question about the move to buurtnetwerken' },
    options: [question('Je vraag', 'Your question')],
  },
  {
    name: 'ask',
    description: 'Ask a question about the move to buurtnetwerken',
    description_localizations: { nl: 'Stel een vraag over de overgang naar buurtnetwerken' },
    options: [question('Your question', 'Your question')],
  },
  {
    name: 'plan',
    description: 'Werk aan het Plan van Aanpak van je buurtplatform',
    description_localizations: { 'en-US': "Work on your buurtplatform's Plan van Aanpak", 'en-GB': "Work on your buurtplatform's Plan van Aanpak" },
  },
  {
    name: 'help',
    description: 'Wat kan buurtbot voor je doen?',
    description_localizations: { 'en-US': 'What can buurtbot do for you?', 'en-GB': 'What can buurtbot do for you?' },
  },
  {
    name: 'digest',
    description: 'Overzicht voor coördinatoren: voortgang, vragen, deadlines',
    description_localizations: { 'en-US': 'Coordinator overview: progress, questions, deadlines', 'en-GB': 'Coordinator overview: progress, questions, deadlines' },
    // Hidden from members by default (server admins can grant it to a coordinator role); the core checks the role either way.
    default_member_permissions: '0',
  },
];

/** Commands whose answers concern only the caller: shown to them alone in a server channel. */
export const PRIVATE_COMMANDS: ReadonlySet<string> = new Set(['plan', 'help', 'digest']);

/** The typed equivalent of a slash command, or null for a command we do not know. */
export function commandText(name: string, question: string | null): string | null {
  switch (name) {
    case 'vraag':
    case 'ask':
      return question ?? '';
    case 'plan':
    case 'help':
    case 'digest':
      return name;
    default:
      return null;
  }
}

/** Replaces the bot's commands (PUT is idempotent, so restarts do not pile up duplicates). */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<number> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const result = await rest.put(route, { body: COMMANDS });
  return Array.isArray(result) ? result.length : COMMANDS.length;
}
