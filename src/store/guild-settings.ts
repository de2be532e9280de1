import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import type { SqliteDatabase } from './sqlite.js';

/** What a server has configured: where and when its daily briefing goes, and who moderates. */
export interface GuildSettings {
  /** The channel the daily briefing is posted to; none means no daily briefing. */
  briefingChannelId: string | null;
  /** Local time of day, "HH:MM" (24-hour clock). */
  briefingTime: string;
  /** An IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Members with this role count as moderators, besides those with Manage Server. */
  moderatorRoleId: string | null;
  /** When the briefing's channel, time or zone last changed: a briefing due before that is not owed. */
  briefingConfiguredAt: string | null;
  /** Whether every /ask starts a thread on its answer (as `/ask thread:true` does). */
  askInThreads: boolean;
}

export const DEFAULT_GUILD_SETTINGS: Readonly<GuildSettings> = Object.freeze({
  briefingChannelId: null,
  briefingTime: '08:00',
  timeZone: 'UTC',
  moderatorRoleId: null,
  briefingConfiguredAt: null,
  askInThreads: false,
});

const storedSettingsSchema = z.object({
  briefingChannelId: z.string().nullable().catch(null),
  briefingTime: z.string().catch(DEFAULT_GUILD_SETTINGS.briefingTime),
  timeZone: z.string().catch(DEFAULT_GUILD_SETTINGS.timeZone),
  moderatorRoleId: z.string().nullable().catch(null),
  briefingConfiguredAt: z.string().nullable().catch(null),
  askInThreads: z.boolean().catch(false),
});

const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "7:30" → "07:30"; InvalidInputError for anything that is not a 24-hour time of day. */
export function parseTimeOfDay(value: string): string {
  const match = TIME_OF_DAY.exec(value.trim());
  if (!match) {
    throw new InvalidInputError('bad-time', `"${value}" is not a time of day. Use 24-hour HH:MM, e.g. 07:30.`);
  }
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
}

/** The canonical spelling of an IANA time zone; InvalidInputError when the runtime does not know it. */
export function parseTimeZone(value: string): string {
  const name = value.trim();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidInputError(
      'bad-time-zone',
      `"${value}" is not a time zone I know. Use an IANA name such as Europe/London or America/New_York.`,
    );
  }
}

/** Settings per guild, stored as one JSON document each in the `guild_settings` table. */
export class GuildSettingsStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** The guild's settings, with defaults for anything never set. */
  get(guildId: string): GuildSettings {
    const row = this.db.prepare('SELECT settings FROM guild_settings WHERE guild_id = ?').get(guildId) as
      | { settings: string }
      | undefined;
    if (!row) return { ...DEFAULT_GUILD_SETTINGS };
    let stored: unknown;
    try {
      stored = JSON.parse(row.settings);
    } catch {
      stored = {};
    }
    const parsed = storedSettingsSchema.safeParse({ ...DEFAULT_GUILD_SETTINGS, ...(stored as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_GUILD_SETTINGS };
  }

  /** The guilds that have a daily briefing channel, with their settings. */
  withBriefingChannel(): { guildId: string; settings: GuildSettings }[] {
    const rows = this.db.prepare('SELECT guild_id FROM guild_settings ORDER BY guild_id').all() as {
      guild_id: string;
    }[];
    return rows
      .map((row) => ({ guildId: row.guild_id, settings: this.get(row.guild_id) }))
      .filter((entry) => entry.settings.briefingChannelId !== null);
  }

  /** Validate and apply a change; returns the settings as saved. */
  update(guildId: string, change: Partial<GuildSettings>, now = new Date()): GuildSettings {
    const current = this.get(guildId);
    const next: GuildSettings = { ...current, ...definedOnly(change) };
    next.briefingTime = parseTimeOfDay(next.briefingTime);
    next.timeZone = parseTimeZone(next.timeZone);
    if (
      next.briefingChannelId !== current.briefingChannelId ||
      next.briefingTime !== current.briefingTime ||
      next.timeZone !== current.timeZone
    ) {
      next.briefingConfiguredAt = now.toISOString();
    }
    this.db
      .prepare(
        `INSERT INTO guild_settings (guild_id, settings, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      )
      .run(guildId, JSON.stringify(next), new Date().toISOString());
    return next;
  }
}

function definedOnly(change: Partial<GuildSettings>): Partial<GuildSettings> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}
