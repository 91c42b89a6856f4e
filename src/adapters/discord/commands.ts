/**
 * The slash commands and what each one means to the core. A command is translated into the text
 * a person could type instead (every command has a typed equivalent), so the core needs no
 * Discord knowledge. Registration goes to one server (instant) when DISCORD_GUILD_ID is set,
 * otherwise globally (can take up to an hour to appear).
 */
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  Routes,
  type APIApplicationCommandStringOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** The question option of /vraag (its default, Dutch name: what Discord sends). */
export const QUESTION_OPTION = 'vraag';

const en = (text: string) => ({ 'en-US': text, 'en-GB': text });

/**
 * One command set, Dutch by default and English for people whose Discord speaks English: an
 * English client shows `/ask question:` for the same command `/vraag vraag:`. Discord always
 * sends the default (Dutch) names, whatever the person saw.
 */
export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'vraag',
    name_localizations: en('ask'),
    description: 'Stel een vraag over de overgang naar buurtnetwerken',
    description_localizations: en('Ask a question about the move to buurtnetwerken'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: QUESTION_OPTION,
        name_localizations: en('question'),
        description: 'Je vraag',
        description_localizations: en('Your question'),
        required: true,
        max_length: 4000,
      } satisfies APIApplicationCommandStringOption,
    ],
  },
  {
    name: 'plan',
    description: 'Werk aan het Plan van Aanpak van je buurtplatform',
    description_localizations: en("Work on your buurtplatform's Plan van Aanpak"),
  },
  {
    name: 'hulp',
    name_localizations: en('help'),
    description: 'Wat kan buurtbot voor je doen?',
    description_localizations: en('What can buurtbot do for you?'),
  },
  {
    name: 'digest',
    description: 'Overzicht voor coördinatoren: voortgang, vragen, deadlines',
    description_localizations: en('Coordinator overview: progress, questions, deadlines'),
    // Hidden from members by default (server admins can grant it to a coordinator role); the core checks the role either way.
    default_member_permissions: '0',
  },
].map((command) => ({
  ...command,
  // Usable in servers and in a DM with the bot (a global registration shows them in DMs too;
  // a server registration, with DISCORD_GUILD_ID, only in that server).
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
}));

/** Commands whose answers concern only the caller: shown to them alone in a server channel. */
export const PRIVATE_COMMANDS: ReadonlySet<string> = new Set(['plan', 'hulp', 'help', 'digest']);

/** The typed equivalent of a slash command, or null for a command we do not know. */
export function commandText(name: string, question: string | null): string | null {
  switch (name) {
    case 'vraag':
    case 'ask': // the English command of earlier versions, until Discord drops it
      return question ?? '';
    case 'hulp':
    case 'help':
    case 'plan':
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
