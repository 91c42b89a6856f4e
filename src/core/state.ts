/**
 * What a conversation remembers between turns; stored as JSON with the conversation, so a restart
 * continues exactly where it was. Each feature owns one optional field.
 */
export interface ConversationState {
  /** The guided flow this conversation is in, if any. */
  flow?: 'plan' | undefined;
  /** Plan flow position (owned by the plan feature). */
  plan?: Record<string, unknown> | undefined;
  /** The last knowledge answer given, for typed feedback and forwarding. */
  lastQuestionId?: string | undefined;
  /** A yes/no question the bot is waiting for (confirmations), owned by the feature that asked. */
  pending?: { feature: string; kind: string; data?: Record<string, unknown> } | undefined;
  /** The user asked for help in the chat for the first time: greet once. */
  greeted?: boolean | undefined;
}
