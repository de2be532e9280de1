import type { Logger } from '../logger.js';

/** Discord allows frequent edits, but one a second keeps a streamed answer readable and clear of rate limits. */
export const DRAFT_EDIT_INTERVAL_MS = 1000;

/**
 * Shows a streamed draft in a deferred reply: edits at most once per interval, always with the
 * newest text, one edit at a time. `stop()` waits for the edit in flight, so the final answer,
 * sent after it, is the last thing the member sees.
 */
export class DraftReply {
  private latest: string | undefined;
  private shown: string | undefined;
  private lastEditAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly edit: (draft: string) => Promise<unknown>,
    private readonly log: Logger,
    private readonly intervalMs = DRAFT_EDIT_INTERVAL_MS,
  ) {}

  /** The draft has grown: show it at the next allowed moment. */
  update(draft: string): void {
    if (this.stopped) return;
    this.latest = draft;
    this.schedule();
  }

  /** No more drafts: cancel the pending edit and wait for the one in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(): void {
    if (this.timer || this.inFlight || this.latest === this.shown) return;
    const wait = Math.max(0, this.lastEditAt + this.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const draft = this.latest;
    if (this.stopped || draft === undefined || draft === this.shown) return;
    this.lastEditAt = performance.now();
    this.inFlight = this.edit(draft)
      // A lost draft edit is not worth failing the answer for: the final edit follows.
      .then(
        () => undefined,
        (error: unknown) => this.log.warn({ err: error }, 'draft edit failed'),
      )
      .finally(() => {
        this.inFlight = undefined;
        this.shown = draft;
        this.schedule();
      });
  }
}
