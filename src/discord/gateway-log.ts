import type { EventEmitter } from 'node:events';
import { Events } from 'discord.js';
import type { Logger } from '../logger.js';

/**
 * Log the gateway's outages once each: discord.js reconnects by itself (resuming the session when
 * it can) and may try many times while the network is down; the log says when the connection was
 * lost, once, and when it came back.
 */
export function logGatewayOutages(
  client: EventEmitter,
  log: Pick<Logger, 'warn' | 'info'>,
  isStopping: () => boolean = () => false,
): void {
  let lostAt: number | undefined;
  const lost = (detail: Record<string, unknown>) => {
    // Logging out closes the connection too; that is no outage.
    if (lostAt !== undefined || isStopping()) return;
    lostAt = Date.now();
    log.warn(detail, 'gateway connection lost; discord.js is reconnecting');
  };
  const back = (how: string, detail: Record<string, unknown> = {}) => {
    if (lostAt === undefined) return;
    log.info({ ...detail, downMs: Date.now() - lostAt }, `gateway ${how}`);
    lostAt = undefined;
  };
  client.on(Events.ShardDisconnect, (event: { code?: number }) => lost({ code: event.code }));
  client.on(Events.ShardReconnecting, () => lost({}));
  client.on(Events.ShardResume, (_shard: number, replayed: number) => back('resumed', { replayed }));
  client.on(Events.ShardReady, () => back('reconnected with a new session'));
}
