import { InvalidInputError } from '../errors.js';

/** The most pages a listing can be asked for: far more than any library has. */
const MAX_PAGE = 1_000_000;
/** A terminal guild name: short and printable, or a Discord server id (a snowflake). */
const GUILD_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The guild `--guild` names: a Discord server id, or a short name of letters, digits, "-" and "_". */
export function parseGuildOption(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const guild = value.trim();
  if (!GUILD_NAME.test(guild)) {
    throw new InvalidInputError(
      'bad-guild',
      `--guild must be a Discord server id or a name of 1-64 letters, digits, "-" or "_" (not ${JSON.stringify(value)}).`,
    );
  }
  return guild;
}

/** The page `--page` asks for: a whole number from 1. */
export function parsePageOption(value: string | undefined): number {
  if (value === undefined) return 1;
  const page = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(page) || page < 1 || page > MAX_PAGE) {
    throw new InvalidInputError('bad-page', `--page must be a whole number from 1 (not ${JSON.stringify(value)}).`);
  }
  return page;
}
