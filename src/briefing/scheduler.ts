import { Cron } from 'croner';
import { componentLogger } from '../logger.js';
import type { UnfinishedBriefing } from '../store/briefing-store.js';
import type { GuildSettings } from '../store/guild-settings.js';
import { instantOf, localMoment, minutesOf } from '../time/local-time.js';
import type { Briefing } from './briefing.js';
import type { BriefingService } from './briefing-service.js';

const log = componentLogger('scheduler');

/** A briefing posted this long after its time is marked late. */
export const LATE_AFTER_MS = 10 * 60_000;
/** The longest period a scheduled briefing covers (after a long outage). */
export const MAX_PERIOD_MS = 7 * 24 * 3_600_000;
/** Attempts to post one day's briefing before giving up on it (a deleted channel, missing permissions). */
export const MAX_ATTEMPTS = 3;

/** Where the posting of one scheduled briefing stands, so an interrupted post resumes instead of starting over. */
export interface DeliveryProgress {
  /** The same for every attempt at one guild's briefing of one day, across restarts (for idempotency keys). */
  key: string;
  /** Messages delivered by earlier attempts: the publisher sends only those after them. */
  delivered: number;
  /** The publisher calls this after each message goes out, with the count delivered so far. */
  markDelivered(parts: number): void;
}

/** Posts a briefing to a guild's channel, message by message (the Discord adapter provides it). */
export type BriefingPublisher = (
  guildId: string,
  channelId: string,
  briefing: Briefing,
  progress: DeliveryProgress,
) => Promise<void>;

/** A briefing that is owed now. */
export interface DueBriefing {
  guildId: string;
  channelId: string;
  localDate: string;
  scheduledFor: Date;
  since: Date;
  late: boolean;
}

export interface SchedulerDeps {
  settings: { withBriefingChannel(): { guildId: string; settings: GuildSettings }[] };
  briefings: BriefingService;
  publish: BriefingPublisher;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
}

/**
 * Whether a guild's daily briefing is owed at `now`: its local time of day has come, none was posted
 * for this local date, and the schedule was not set after today's time. Working on the local date
 * rather than on instants is what keeps daylight-saving changes from skipping or doubling a briefing:
 * a skipped time is served by the first tick after it, a repeated hour finds the date already done.
 */
export function dueBriefing(
  guildId: string,
  settings: GuildSettings,
  now: Date,
  briefings: Pick<BriefingService, 'latest'> & { store: { has(guildId: string, localDate: string): boolean } },
): DueBriefing | undefined {
  if (!settings.briefingChannelId) return undefined;
  const local = localMoment(now, settings.timeZone);
  if (local.minutes < minutesOf(settings.briefingTime)) return undefined;
  if (briefings.store.has(guildId, local.date)) return undefined;
  const scheduledFor = instantOf(local.date, settings.briefingTime, settings.timeZone);
  if (settings.briefingConfiguredAt && Date.parse(settings.briefingConfiguredAt) > scheduledFor.getTime()) {
    return undefined;
  }
  const previousEnd = briefings.latest(guildId)?.periodEnd;
  const earliest = now.getTime() - MAX_PERIOD_MS;
  const since = previousEnd
    ? new Date(Math.max(Date.parse(previousEnd), earliest))
    : new Date(scheduledFor.getTime() - 24 * 3_600_000);
  return {
    guildId,
    channelId: settings.briefingChannelId,
    localDate: local.date,
    scheduledFor,
    since,
    late: now.getTime() - scheduledFor.getTime() > LATE_AFTER_MS,
  };
}

/** Posts each guild's daily briefing at its local time; a croner job checks every minute. */
export class BriefingScheduler {
  private job: Cron | undefined;
  private running: Promise<DueBriefing[]> | undefined;
  private readonly attempts = new Map<string, number>();
  private readonly now: () => Date;

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Check every minute, and once now (to catch up on a briefing missed while the bot was down). */
  start(): void {
    this.job = new Cron('* * * * *', { protect: true }, () => void this.tick());
    void this.tick();
  }

  /** Stop checking; resolves when a run in progress has finished. */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = undefined;
    await this.running;
  }

  /** Post every briefing owed now; returns those posted. Overlapping calls share one run. */
  tick(): Promise<DueBriefing[]> {
    this.running ??= this.postDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Each guild's briefing goes through three steps: claimed (stored with its content, before the
   * first message), delivered message by message (each one counted), finished. A retry or a
   * restart finds today's claim and posts only the messages not yet counted, so a failure half-way
   * or a crash never makes a server see one briefing twice.
   */
  private async postDue(): Promise<DueBriefing[]> {
    const now = this.now();
    const { store } = this.deps.briefings;
    const posted: DueBriefing[] = [];
    for (const { guildId, settings } of this.deps.settings.withBriefingChannel()) {
      if (!settings.briefingChannelId) continue;
      const localDate = localMoment(now, settings.timeZone).date;
      const unfinished = store.unfinished(guildId, localDate);
      const due = unfinished
        ? resumedBriefing(guildId, settings, localDate, unfinished)
        : dueBriefing(guildId, settings, now, this.deps.briefings);
      if (!due) continue;
      const key = `${guildId}:${localDate}`;
      const attempts = this.attempts.get(key) ?? 0;
      if (attempts >= MAX_ATTEMPTS) continue;
      this.attempts.set(key, attempts + 1);
      try {
        const delivery = unfinished ?? (await this.claim(due, settings, now));
        if (!delivery) continue;
        await this.deps.publish(guildId, due.channelId, delivery.briefing, {
          key,
          delivered: delivery.deliveredParts,
          markDelivered: (parts) => store.markDelivered(guildId, localDate, parts),
        });
        store.finish(guildId, localDate, this.now().toISOString());
        this.attempts.delete(key);
        posted.push(due);
        log.info(
          {
            guild: guildId,
            date: localDate,
            late: due.late,
            stories: delivery.briefing.stories.length,
            resumedAfter: unfinished ? unfinished.deliveredParts : undefined,
          },
          unfinished ? 'briefing resumed and posted' : 'briefing posted',
        );
      } catch (error) {
        const message =
          attempts + 1 >= MAX_ATTEMPTS ? 'briefing failed; giving up for today' : 'briefing failed; will retry';
        log.error({ guild: guildId, date: localDate, err: error }, message);
      }
    }
    return posted;
  }

  /** Compose the due briefing and claim its date; undefined when the date was claimed meanwhile. */
  private async claim(due: DueBriefing, settings: GuildSettings, now: Date): Promise<UnfinishedBriefing | undefined> {
    const { briefing, remembered } = await this.deps.briefings.compose(due.guildId, {
      since: due.since,
      until: now,
      timeZone: settings.timeZone,
      late: due.late,
    });
    const claimed = this.deps.briefings.store.claim(
      {
        guildId: due.guildId,
        localDate: due.localDate,
        periodStart: due.since.toISOString(),
        periodEnd: now.toISOString(),
        postedAt: now.toISOString(),
        late: due.late,
        stories: remembered,
      },
      briefing,
    );
    return claimed ? { briefing, deliveredParts: 0 } : undefined;
  }
}

/** Today's claimed but unfinished briefing, described as the due briefing it was. */
function resumedBriefing(
  guildId: string,
  settings: GuildSettings,
  localDate: string,
  unfinished: UnfinishedBriefing,
): DueBriefing | undefined {
  if (!settings.briefingChannelId) return undefined;
  return {
    guildId,
    channelId: settings.briefingChannelId,
    localDate,
    scheduledFor: instantOf(localDate, settings.briefingTime, settings.timeZone),
    since: new Date(unfinished.briefing.since),
    late: unfinished.briefing.late,
  };
}
