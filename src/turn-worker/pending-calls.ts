/** Requests sent to the other thread that wait for its `done`; all fail at once when that thread goes away. */
export class PendingCalls<T = void> {
  private readonly waiting = new Map<number, { resolve(value: T): void; reject(error: Error): void }>();
  private nextId = 1;

  /** A new id and the promise that settles with the answer for it. */
  open(): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    return { id, answer };
  }

  resolve(id: number, value: T): void {
    this.waiting.get(id)?.resolve(value);
    this.waiting.delete(id);
  }

  reject(id: number, error: Error): void {
    this.waiting.get(id)?.reject(error);
    this.waiting.delete(id);
  }

  rejectAll(error: Error): void {
    for (const id of [...this.waiting.keys()]) this.reject(id, error);
  }

  get size(): number {
    return this.waiting.size;
  }
}
