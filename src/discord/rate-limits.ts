import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { RateLimitedError } from '../errors.js';
import { counted } from '../text/counted.js';

const WINDOW_S = 60;

/** Per-member and per-server limits on the commands that cost the most (/ask, /add). */
export class CommandRateLimits {
  private readonly limiters = new Map<string, { user: RateLimiterMemory; guild: RateLimiterMemory }>();

  constructor(limits: Config['rateLimits']) {
    for (const [command, limit] of Object.entries(limits)) {
      this.limiters.set(command, {
        user: new RateLimiterMemory({ keyPrefix: `${command}:user`, points: limit.perUser, duration: WINDOW_S }),
        guild: new RateLimiterMemory({ keyPrefix: `${command}:guild`, points: limit.perGuild, duration: WINDOW_S }),
      });
    }
  }

  /** Count one use of `command`; throws RateLimitedError (with when to retry) over either limit. */
  async consume(command: string, guildId: string, userId: string): Promise<void> {
    const limiter = this.limiters.get(command);
    if (!limiter) return;
    try {
      await limiter.user.consume(`${guildId}:${userId}`);
    } catch (error) {
      throw tooOften(error, `You are using /${command} too often`);
    }
    try {
      await limiter.guild.consume(guildId);
    } catch (error) {
      // The member's point is given back: the server's limit refused, not theirs.
      await limiter.user.reward(`${guildId}:${userId}`);
      throw tooOften(error, `This server is using /${command} a lot right now`);
    }
  }
}

function tooOften(error: unknown, what: string): Error {
  if (!(error instanceof RateLimiterRes)) return error instanceof Error ? error : new Error(String(error));
  const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  return new RateLimitedError('rate-limited', `${what}. Try again in ${counted(seconds, 'second')}.`);
}
