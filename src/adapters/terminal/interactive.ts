/** `buurtbot chat`: talk to the bot in a terminal. Buttons show their typed equivalent. */
import os from 'node:os';
import readline from 'node:readline';
import type { TurnRunner } from '../../core/turn-runner.js';
import { renderPlain, type InboundMessage, type Reply } from '../../core/messages.js';

/** The greeting on start (ConversationEngine.open): not a message from the person, so it stores nothing. */
export type OpenChat = (message: Pick<InboundMessage, 'surface' | 'userRef' | 'channelId' | 'userName'>) => Promise<Reply[]>;

export async function runInteractiveChat(
  dispatcher: TurnRunner,
  options: {
    user?: string | undefined;
    name?: string | undefined;
    input: NodeJS.ReadableStream;
    output: NodeJS.WritableStream;
    open: OpenChat;
  },
): Promise<void> {
  const rl = readline.createInterface({
    input: options.input,
    output: options.output,
    terminal: Boolean((options.output as { isTTY?: boolean }).isTTY),
  });
  const user = options.user ?? os.userInfo().username;
  const name = options.name ?? user;
  const write = (text: string) => options.output.write(text + '\n');
  write('buurtbot — typ je vraag, `hulp` voor hulp, of `stop` (Ctrl+D) om te stoppen.\n');
  let n = 0;
  const send = async (text: string) => {
    const message: InboundMessage = {
      id: `tty-${Date.now()}-${++n}`,
      surface: 'cli',
      userRef: `cli:${user}`,
      userName: name,
      channelId: `cli:${user}`,
      text,
      direct: true,
    };
    try {
      for (const reply of (await dispatcher.dispatch(message)) ?? []) write('\nbuurtbot: ' + renderPlain(reply) + '\n');
    } catch {
      // Only storing the message can fail here: say so, the person still has the text.
      write('\nbuurtbot: Je bericht is niet opgeslagen (de database is niet bereikbaar). Probeer het zo opnieuw.\n');
    }
  };
  // Starting the chat used to send "hallo" as a turn; in the middle of a plan step that replaced the draft.
  for (const reply of await options.open({ surface: 'cli', userRef: `cli:${user}`, userName: name, channelId: `cli:${user}` }))
    write('\nbuurtbot: ' + renderPlain(reply) + '\n');
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    if (['stop', 'quit', 'exit', 'doei'].includes(line.trim().toLowerCase())) break;
    await send(line);
    rl.prompt();
  }
  rl.close();
}
