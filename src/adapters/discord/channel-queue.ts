/**
 * One queue per channel. discord.js REST already waits out rate limits per route, but a burst
 * (reminders to many people, a long answer in several messages) sent in parallel would arrive in
 * any order and interleave. Queuing per channel keeps each channel's messages in order while
 * different channels still go out side by side. A failed send rejects its own caller only.
 */
export class ChannelQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(channelId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(channelId) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(channelId, tail);
    void tail.then(() => {
      if (this.tails.get(channelId) === tail) this.tails.delete(channelId);
    });
    return result;
  }

  /** Channels with sends waiting or running. */
  get pending(): number {
    return this.tails.size;
  }

  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
  }
}
