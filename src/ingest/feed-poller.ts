import { Cron } from 'croner';
import { componentLogger } from '../logger.js';
import type { FeedService } from './feeds.js';

const log = componentLogger('feeds');

/** Polls due feeds once a minute (each feed is due every FEED_POLL_MINUTES, later after errors). */
export class FeedPoller {
  private job: Cron | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly feeds: FeedService) {}

  start(): void {
    this.job = new Cron('* * * * *', { protect: true }, () => void this.tick());
  }

  /** Poll what is due now; overlapping calls share one run. */
  tick(): Promise<void> {
    this.running ??= this.feeds
      .pollDue()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, 'feed polling failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.job?.stop();
    this.job = undefined;
    await this.running;
  }
}
