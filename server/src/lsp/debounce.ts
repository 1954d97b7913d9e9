// Runs an action once per key after a quiet period, so a burst of edits to one file is
// analysed once, after the last keystroke.

export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  /** Schedules `action` for `key`, replacing any action still waiting for that key. */
  schedule(key: string, action: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      action();
    }, this.delayMs);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Keys whose action is still waiting. */
  pendingKeys(): string[] {
    return [...this.timers.keys()];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
