import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import {
  DEFAULT_GUILD_SETTINGS,
  GuildSettingsStore,
  parseTimeOfDay,
  parseTimeZone,
} from '../../src/store/guild-settings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('guild settings', () => {
  const temp = makeTempDir();
  const db = openDatabase(temp.dir);
  const store = new GuildSettingsStore(db);
  afterEach(() => db.prepare('DELETE FROM guild_settings').run());
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it('starts from the defaults', () => {
    expect(store.get('g1')).toEqual(DEFAULT_GUILD_SETTINGS);
  });

  it('saves a change per guild and keeps what was not changed', () => {
    store.update('g1', { briefingChannelId: '123', timeZone: 'America/New_York' });
    store.update('g1', { briefingTime: '6:05' });
    expect(store.get('g1')).toEqual({
      briefingChannelId: '123',
      briefingTime: '06:05',
      timeZone: 'America/New_York',
      moderatorRoleId: null,
      briefingConfiguredAt: expect.any(String),
      askInThreads: false,
    });
    expect(store.update('g1', { askInThreads: true })).toMatchObject({ askInThreads: true, briefingTime: '06:05' });
    expect(store.get('g1').askInThreads).toBe(true);
    expect(store.get('g2')).toEqual(DEFAULT_GUILD_SETTINGS);
  });

  it('refuses a bad time or time zone and keeps the stored settings', () => {
    store.update('g1', { timeZone: 'Asia/Tokyo' });
    expect(() => store.update('g1', { timeZone: 'Nowhere/Special' })).toThrow('"Nowhere/Special" is not a time zone');
    expect(() => store.update('g1', { briefingTime: '25:00' })).toThrow('"25:00" is not a time of day');
    expect(store.get('g1').timeZone).toBe('Asia/Tokyo');
  });

  it('reads times and zones leniently but stores them canonically', () => {
    expect(parseTimeOfDay(' 7:30 ')).toBe('07:30');
    expect(parseTimeZone('europe/paris')).toBe('Europe/Paris');
  });

  it('falls back to defaults for a corrupt stored document', () => {
    db.prepare("INSERT INTO guild_settings (guild_id, settings, updated_at) VALUES ('g3', '{not json', 'x')").run();
    expect(store.get('g3')).toEqual(DEFAULT_GUILD_SETTINGS);
  });
});
