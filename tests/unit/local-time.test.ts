import { describe, expect, it } from 'vitest';
import { instantOf, localMoment, minutesOf } from '../../src/time/local-time.js';

describe('local time in a time zone', () => {
  it('reads the local date and minutes of an instant', () => {
    expect(localMoment(new Date('2026-07-01T06:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-07-01',
      minutes: 8 * 60 + 30,
    });
    expect(localMoment(new Date('2026-07-01T02:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-06-30',
      minutes: 22 * 60,
    });
    expect(minutesOf('07:45')).toBe(465);
  });

  it('finds the instant of a local time, in summer and in winter', () => {
    expect(instantOf('2026-07-01', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(instantOf('2026-12-01', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(instantOf('2026-12-01', '23:30', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T18:00:00.000Z');
  });

  it('maps a time skipped by the spring change to just after the gap', () => {
    // Europe/Berlin skips 02:00-03:00 on 29 March 2026.
    expect(instantOf('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('maps a time repeated by the autumn change to its first occurrence', () => {
    // America/New_York repeats 01:00-02:00 on 1 November 2026 (EDT, then EST).
    expect(instantOf('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});
