// Validates each document as soon as the server is idle, without a fixed debounce: a request
// waits event-loop turns until one passes with no newer edit of that document (the JSON-RPC
// layer handles one queued message per turn), so a burst of edits is validated once, at its end.
// A validation that is already running for a document is followed by one more, never overlapped.

/** `org`: another charter of the same set changed, so this one's organisation findings may have. */
export type Reason = 'open' | 'change' | 'save' | 'config' | 'org';

interface Pending {
  reasons: Set<Reason>;
  /** A newer request arrived since the last turn. */
  dirty: boolean;
  /** One quiet turn has passed. */
  settled: boolean;
}

export class ValidationScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Set<string>();
  private readonly rerun = new Map<string, Set<Reason>>();

  constructor(private readonly validate: (uri: string, reasons: ReadonlySet<Reason>) => Promise<void>) {}

  request(uri: string, reason: Reason): void {
    const queued = this.pending.get(uri);
    if (queued) {
      queued.reasons.add(reason);
      queued.dirty = true;
      return;
    }
    const entry: Pending = { reasons: new Set([reason]), dirty: false, settled: false };
    this.pending.set(uri, entry);
    this.turn(uri, entry);
  }

  cancel(uri: string): void {
    this.pending.delete(uri);
    this.rerun.delete(uri);
  }

  private turn(uri: string, entry: Pending): void {
    setImmediate(() => {
      if (this.pending.get(uri) !== entry) return; // cancelled
      if (entry.dirty || !entry.settled) {
        entry.dirty = false;
        entry.settled = true;
        this.turn(uri, entry);
        return;
      }
      this.pending.delete(uri);
      void this.start(uri, entry.reasons);
    });
  }

  private async start(uri: string, reasons: Set<Reason>): Promise<void> {
    if (this.running.has(uri)) {
      const later = this.rerun.get(uri) ?? new Set<Reason>();
      for (const r of reasons) later.add(r);
      this.rerun.set(uri, later);
      return;
    }
    this.running.add(uri);
    try {
      await this.validate(uri, reasons);
    } finally {
      this.running.delete(uri);
      const later = this.rerun.get(uri);
      if (later) {
        this.rerun.delete(uri);
        for (const r of later) this.request(uri, r);
      }
    }
  }
}
