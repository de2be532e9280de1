import { EventEmitter } from 'node:events';
import { Events } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { logGatewayOutages } from '../../src/discord/gateway-log.js';

function logged() {
  const lines: { level: string; message: string }[] = [];
  const log = {
    warn: (_detail: unknown, message: string) => lines.push({ level: 'warn', message }),
    info: (_detail: unknown, message: string) => lines.push({ level: 'info', message }),
  };
  return { lines, log: log as never };
}

describe('logGatewayOutages', () => {
  it('logs an outage once however many times discord.js tries, and its end', () => {
    const client = new EventEmitter();
    const { lines, log } = logged();
    logGatewayOutages(client, log);
    client.emit(Events.ShardReconnecting, 0);
    client.emit(Events.ShardDisconnect, { code: 1006 }, 0);
    client.emit(Events.ShardReconnecting, 0);
    client.emit(Events.ShardResume, 0, 3);
    expect(lines).toEqual([
      { level: 'warn', message: 'gateway connection lost; discord.js is reconnecting' },
      { level: 'info', message: 'gateway resumed' },
    ]);
    client.emit(Events.ShardReconnecting, 0);
    client.emit(Events.ShardReady, 0);
    expect(lines.slice(2).map((line) => line.message)).toEqual([
      'gateway connection lost; discord.js is reconnecting',
      'gateway reconnected with a new session',
    ]);
  });

  it('says nothing when the bot logs out', () => {
    const client = new EventEmitter();
    const { lines, log } = logged();
    logGatewayOutages(client, log, () => true);
    client.emit(Events.ShardDisconnect, { code: 1000 }, 0);
    expect(lines).toEqual([]);
  });

  it('says nothing for the first ready of the session', () => {
    const client = new EventEmitter();
    const { lines, log } = logged();
    logGatewayOutages(client, log);
    client.emit(Events.ShardReady, 0);
    expect(lines).toEqual([]);
  });
});
