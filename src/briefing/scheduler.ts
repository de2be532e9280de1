import { Cron } from 'croner';
import { componentLogger } from '../logger.js';
import type { GuildSettings } from '../store/guild-settings.js';
import type { Briefing } from './briefing.js';
import type { BriefingService } from './briefing-service.js';
import { instantOf, localMoment, minutesOf } from './local-time.js';

const log = componentLogger('scheduler');

/** A briefing posted this long after its time is marked late. */
export const LATE_AFTER_MS = 10 * 60_000;
/** The longest period a scheduled briefing covers (after a long outage). */
export const MAX_PERIOD_MS = 7 * 24 * 3_600_000;
/** Attempts to post one day's briefing before giving up on it (a deleted channel, missing permissions). */
export const MAX_ATTEMPTS = 3;

/** Posts a briefing to a guild's channel (the Discord adapter provides it). */
export type BriefingPublisher = (guildId: string, channelId: string, briefing: Briefing) => Promise<void>;

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

  private async postDue(): Promise<DueBriefing[]> {
    const now = this.now();
    const posted: DueBriefing[] = [];
    for (const { guildId, settings } of this.deps.settings.withBriefingChannel()) {
      const due = dueBriefing(guildId, settings, now, this.deps.briefings);
      if (!due) continue;
      const key = `${guildId}:${due.localDate}`;
      const attempts = this.attempts.get(key) ?? 0;
      if (attempts >= MAX_ATTEMPTS) continue;
      this.attempts.set(key, attempts + 1);
      try {
        const { briefing, remembered } = await this.deps.briefings.compose(guildId, {
          since: due.since,
          until: now,
          timeZone: settings.timeZone,
          late: due.late,
        });
        await this.deps.publish(guildId, due.channelId, briefing);
        this.deps.briefings.store.record({
          guildId,
          localDate: due.localDate,
          periodStart: due.since.toISOString(),
          periodEnd: now.toISOString(),
          postedAt: now.toISOString(),
          late: due.late,
          stories: remembered,
        });
        this.attempts.delete(key);
        posted.push(due);
        log.info(
          { guild: guildId, date: due.localDate, late: due.late, stories: briefing.stories.length },
          'briefing posted',
        );
      } catch (error) {
        const message =
          attempts + 1 >= MAX_ATTEMPTS ? 'briefing failed; giving up for today' : 'briefing failed; will retry';
        log.error({ guild: guildId, date: due.localDate, err: error }, message);
      }
    }
    return posted;
  }
}
