import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A small fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests with the real discord.js
 * client. It enforces what makes real Discord refuse a bot's request (message limits, one
 * acknowledgement per interaction, no edit before the acknowledgement), so tests fail as production would.
 */

export interface FakeGuildSpec {
  id: string;
  name: string;
  channelId: string;
  roles?: { id: string; name: string }[];
}

export interface FakeMessage {
  id: string;
  content: string;
  embeds: FakeEmbed[];
  /** Action rows of buttons, as sent. */
  components: FakeActionRow[];
  flags: number;
  allowedMentions: unknown;
  nonce?: string;
}

export interface FakeActionRow {
  type: number;
  components: { type: number; style?: number; label?: string; custom_id?: string; url?: string; disabled?: boolean }[];
}

export interface FakeEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}

export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  name: string;
  guildId: string | undefined;
  dispatchedAt: number;
  callbacks: { type: number; data: Record<string, unknown> | undefined; at: number }[];
  /** The reply as first sent by a type 4 callback or an edit of the deferral. */
  original: FakeMessage | undefined;
  edits: { message: FakeMessage; at: number }[];
  followUps: FakeMessage[];
  deletedOriginal: boolean;
  /** Requests the fake refused, as Discord would. */
  rejected: { status: number; code: number; message: string }[];
}

export interface CommandOptions {
  guildId?: string;
  /** The member's permission bits as a decimal string ("32" is Manage Server, "0" nothing). */
  permissions?: string;
  roles?: string[];
  userId?: string;
  options?: Record<string, OptionValue>;
  /** Autocomplete: the option being typed. */
  focused?: string;
  /** The subcommand the options belong to. */
  subcommand?: string;
  /** A button press on this message instead of a command (see pressButton). */
  component?: { message: FakeMessage; customId: string };
  /** A modal submitted instead of a command (see submitModal). */
  modal?: { customId: string; fields: Record<string, string> };
  /** A message command on a member's message instead of a slash command (see messageCommand). */
  target?: TargetMessage;
}

/** A member's message that a message command (a message's Apps menu) is used on. */
export interface TargetMessage {
  content: string;
  authorName?: string;
  /** When it was sent, as an ISO date. */
  timestamp?: string;
}

export type OptionValue =
  | string
  | number
  | boolean
  | { file: { name: string; data: string | Buffer; contentType?: string } }
  | { role: string }
  | { channel: string };

interface Delay {
  method: string;
  path: RegExp;
  ms: number;
  remaining: number;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
  /** Matching requests still to let through before failing. */
  passing: number;
}

const APPLICATION_FLAGS = 0;
export const MANAGE_GUILD = '32';

let nextSnowflake = 1_200_000_000_000_000_000n;
const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const MESSAGE_CONTENT_INTENT = 1 << 15;
const EPHEMERAL_FLAG = 1 << 6;
const LOADING_FLAG = 1 << 7;
function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

/** How long an injected 429 asks the client to wait, in seconds. */
const RATE_LIMIT_RETRY_AFTER_S = 0.3;

class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUserId = this.applicationId;
  readonly interactions: FakeInteraction[] = [];
  readonly registeredCommands = new Map<string, { name: string; [key: string]: unknown }[]>();
  readonly channelMessages = new Map<string, FakeMessage[]>();
  readonly requests: { method: string; path: string; status: number }[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly attachments = new Map<string, { data: Buffer; contentType: string }>();
  private readonly failures: Failure[] = [];
  private readonly delays: Delay[] = [];
  private sequence = 0;
  private port = 0;
  private gatewayDownUntil = 0;
  /** Gateway sessions started (op 2) and resumed (op 6). */
  identifies = 0;
  resumes = 0;
  /** The intents of the last gateway session (op 2's bits). */
  intents = 0;
  /** Threads the bot started, by id (sent again in GUILD_CREATE after a restart, as Discord does). */
  readonly threads = new Map<string, Record<string, unknown>>();

  private constructor(
    private readonly server: http.Server,
    private readonly gateway: WebSocketServer,
    readonly guilds: FakeGuildSpec[],
  ) {}

  /** Start the fake on a free port of 127.0.0.1. */
  static async start(guilds: FakeGuildSpec[]): Promise<FakeDiscord> {
    const server = http.createServer();
    const gateway = new WebSocketServer({ noServer: true });
    const fake = new FakeDiscord(server, gateway, guilds);
    server.on('request', (request, response) => void fake.handleHttp(request, response));
    server.on('upgrade', (request, socket, head) => {
      gateway.handleUpgrade(request, socket, head, (ws) => fake.handleSocket(ws));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base for discord.js (`rest.api`); it adds /v10 itself. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** How many gateway connections are open (0 once the bot has logged out). */
  get connectedClients(): number {
    return this.sockets.size;
  }

  /** Make `times` requests matching `method` and `path` fail with `status`, after letting `passing` through. */
  failNext(method: string, path: RegExp, status: number, times = 1, passing = 0): void {
    this.failures.push({ method, path, status, remaining: times, passing });
  }

  /**
   * Make `times` requests matching `method` and `path` take effect at once but answer only after `ms`,
   * as when Discord's answer is slow or lost on the way back.
   */
  delayNext(method: string, path: RegExp, ms: number, times = 1): void {
    this.delays.push({ method, path, ms, remaining: times });
  }

  /** Send a slash command (or, with `focused`, an autocomplete) as Discord would, and return its record. */
  sendCommand(name: string, spec: CommandOptions = {}): FakeInteraction {
    const guild = spec.guildId ? this.guilds.find((candidate) => candidate.id === spec.guildId) : undefined;
    const userId = spec.userId ?? '1100000000000000001';
    const user = memberUser(userId);
    const resolved: Record<string, Record<string, unknown>> = {};
    const given = Object.entries(spec.options ?? {}).map(([optionName, value]) =>
      this.toOption(optionName, value, resolved, guild, spec.focused),
    );
    const options = spec.subcommand ? [{ name: spec.subcommand, type: 1, options: given }] : given;
    const record: FakeInteraction = {
      id: snowflake(),
      token: `token-${snowflake()}`,
      type: spec.modal ? 5 : spec.component ? 3 : spec.focused ? 4 : 2,
      name: spec.modal?.customId ?? spec.component?.customId ?? name,
      guildId: guild?.id,
      dispatchedAt: performance.now(),
      callbacks: [],
      original: undefined,
      edits: [],
      followUps: [],
      deletedOriginal: false,
      rejected: [],
    };
    const channel = guild
      ? { id: guild.channelId, type: 0, guild_id: guild.id, name: 'news', permissions: '0', flags: 0 }
      : { id: snowflake(), type: 1, recipients: [user], flags: 0 };
    const payload: Record<string, unknown> = {
      id: record.id,
      application_id: this.applicationId,
      type: record.type,
      token: record.token,
      version: 1,
      data: spec.modal
        ? {
            custom_id: spec.modal.customId,
            components: Object.entries(spec.modal.fields).map(([customId, value]) => ({
              type: 1,
              components: [{ type: 4, custom_id: customId, value }],
            })),
          }
        : spec.component
          ? { custom_id: spec.component.customId, component_type: 2 }
          : spec.target
            ? this.messageCommandData(name, spec.target, guild)
            : { id: snowflake(), name, type: 1, options, ...(Object.keys(resolved).length > 0 ? { resolved } : {}) },
      ...(spec.component ? { message: this.messageObject(spec.component.message, channel.id) } : {}),
      channel_id: channel.id,
      channel,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: {},
      context: guild ? 0 : 1,
      attachment_size_limit: 26_214_400,
    };
    if (guild) {
      payload.guild_id = guild.id;
      payload.guild = { id: guild.id, locale: 'en-US', features: [] };
      payload.guild_locale = 'en-US';
      payload.member = {
        user,
        roles: spec.roles ?? [],
        permissions: spec.permissions ?? '0',
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
        communication_disabled_until: null,
      };
    } else {
      payload.user = user;
    }
    this.interactions.push(record);
    this.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  /**
   * Press a button of a message the bot sent (type 3, a message component), as a member of
   * `spec.guildId`; the interaction's record is returned as for a command.
   */
  pressButton(
    message: FakeMessage,
    customId: string,
    spec: Omit<CommandOptions, 'options' | 'focused' | 'subcommand'> = {},
  ): FakeInteraction {
    const record = this.sendCommand('', { ...spec, component: { message, customId } });
    return record;
  }

  /** Use a message command ("Ask newsdesk") on a member's message: type 2 with `target_id` and `resolved.messages`. */
  messageCommand(
    name: string,
    target: TargetMessage,
    spec: Omit<CommandOptions, 'options' | 'focused' | 'subcommand' | 'component' | 'modal' | 'target'> = {},
  ): FakeInteraction {
    return this.sendCommand(name, { ...spec, target });
  }

  /**
   * A member's message in a channel or thread (MESSAGE_CREATE), mentioning the bot when asked. As
   * Discord does, its text reaches a bot without the Message Content intent only when it mentions it.
   */
  postMessage(
    channelId: string,
    content: string,
    spec: { guildId: string; mentionBot?: boolean; userId?: string },
  ): string {
    const userId = spec.userId ?? '1100000000000000001';
    const author = memberUser(userId);
    const bot = this.botUser();
    const text = spec.mentionBot ? `<@${this.botUserId}> ${content}` : content;
    const readsContent = (this.intents & MESSAGE_CONTENT_INTENT) !== 0 || spec.mentionBot === true;
    const id = snowflake();
    this.dispatch('MESSAGE_CREATE', {
      id,
      type: 0,
      channel_id: channelId,
      guild_id: spec.guildId,
      author,
      member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      content: readsContent ? text : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: spec.mentionBot ? [bot] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
    });
    return id;
  }

  /** Submit a modal the bot showed (type 5), with its text fields' values by custom id. */
  submitModal(
    customId: string,
    fields: Record<string, string>,
    spec: Omit<CommandOptions, 'options' | 'focused' | 'subcommand' | 'component'> = {},
  ): FakeInteraction {
    return this.sendCommand('', { ...spec, modal: { customId, fields } });
  }

  /** Resolve when `predicate` holds, polling; reject after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('FakeDiscord.waitFor timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Wait until an interaction has its final visible answer: an edit, a reply, or an ephemeral follow-up. */
  async settled(record: FakeInteraction, timeoutMs?: number): Promise<FakeInteraction> {
    return this.waitFor(() => {
      const callback = record.callbacks[0];
      if (!callback) return undefined;
      if (callback.type === 5) return (record.edits.length > 0 || record.followUps.length > 0) && record;
      return record;
    }, timeoutMs);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private toOption(
    name: string,
    value: OptionValue,
    resolved: Record<string, Record<string, unknown>>,
    guild: FakeGuildSpec | undefined,
    focused: string | undefined,
  ): Record<string, unknown> {
    const focus = focused === name ? { focused: true } : {};
    if (typeof value === 'string') return { name, type: 3, value, ...focus };
    if (typeof value === 'number') return { name, type: 4, value, ...focus };
    if (typeof value === 'boolean') return { name, type: 5, value };
    if ('file' in value) {
      const id = snowflake();
      const data = Buffer.from(value.file.data);
      const contentType = value.file.contentType ?? 'text/plain; charset=utf-8';
      this.attachments.set(id, { data, contentType });
      const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(value.file.name)}`;
      resolved.attachments ??= {};
      resolved.attachments[id] = {
        id,
        filename: value.file.name,
        size: data.length,
        url,
        proxy_url: url,
        content_type: contentType,
      };
      return { name, type: 11, value: id };
    }
    if ('role' in value) {
      resolved.roles ??= {};
      resolved.roles[value.role] = role(value.role, 'role', 1);
      return { name, type: 8, value: value.role };
    }
    resolved.channels ??= {};
    resolved.channels[value.channel] = {
      id: value.channel,
      type: 0,
      name: 'briefings',
      permissions: '0',
      guild_id: guild?.id,
    };
    return { name, type: 7, value: value.channel };
  }

  private messageCommandData(name: string, target: TargetMessage, guild: FakeGuildSpec | undefined): unknown {
    // As on Discord, the message's id holds the time it was sent (discord.js reads createdAt from it).
    const id = target.timestamp
      ? ((BigInt(Date.parse(target.timestamp)) - DISCORD_EPOCH_MS) << 22n).toString()
      : snowflake();
    const authorName = target.authorName ?? 'reporter';
    const message = {
      id,
      type: 0,
      channel_id: guild?.channelId ?? snowflake(),
      content: target.content,
      author: memberUser(snowflake(), authorName),
      timestamp: target.timestamp ?? new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
    };
    return { id: snowflake(), name, type: 3, target_id: id, resolved: { messages: { [id]: message } } };
  }

  /** The bot's own user object. */
  private botUser(): Record<string, unknown> {
    return { id: this.botUserId, username: 'newsdesk', discriminator: '0', bot: true, avatar: null, global_name: null };
  }

  private dispatch(event: string, data: unknown): void {
    for (const socket of this.sockets) this.send(socket, { op: 0, t: event, d: data });
  }

  private send(socket: WebSocket, packet: { op: number; t?: string; d: unknown }): void {
    const sequence = packet.op === 0 ? ++this.sequence : null;
    socket.send(JSON.stringify({ t: null, ...packet, s: sequence }));
  }

  /** Drop every gateway connection as a network failure does (no close frame), refusing new ones for `downMs`. */
  dropGateway(downMs = 0): void {
    this.gatewayDownUntil = Date.now() + downMs;
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }

  private handleSocket(socket: WebSocket): void {
    if (Date.now() < this.gatewayDownUntil) {
      socket.terminate();
      return;
    }
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    this.send(socket, { op: 10, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === 1) this.send(socket, { op: 11, d: null });
      else if (packet.op === 2) {
        this.identifies += 1;
        this.intents = Number((packet.d as { intents?: number }).intents ?? 0);
        this.identify(socket);
      } else if (packet.op === 6) {
        this.resumes += 1;
        this.send(socket, { op: 0, t: 'RESUMED', d: {} });
      }
    });
  }

  private identify(socket: WebSocket): void {
    this.send(socket, {
      op: 0,
      t: 'READY',
      d: {
        v: 10,
        user: this.botUser(),
        guilds: this.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
        session_id: 'fake-session',
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        shard: [0, 1],
        application: { id: this.applicationId, flags: APPLICATION_FLAGS },
      },
    });
    for (const guild of this.guilds) {
      this.send(socket, {
        op: 0,
        t: 'GUILD_CREATE',
        d: {
          id: guild.id,
          name: guild.name,
          icon: null,
          owner_id: '1100000000000000999',
          unavailable: false,
          member_count: 2,
          large: false,
          joined_at: '2024-01-01T00:00:00.000Z',
          features: [],
          premium_tier: 0,
          channels: [
            { id: guild.channelId, type: 0, name: 'news', position: 0, permission_overwrites: [], guild_id: guild.id },
          ],
          roles: [
            role(guild.id, '@everyone', 0),
            ...(guild.roles ?? []).map((spec, index) => role(spec.id, spec.name, index + 1)),
          ],
          members: [],
          emojis: [],
          stickers: [],
          threads: [...this.threads.values()].filter((thread) => thread.guild_id === guild.id),
          presences: [],
          voice_states: [],
          stage_instances: [],
          guild_scheduled_events: [],
        },
      });
    }
  }

  private async handleHttp(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    let status = 200;
    try {
      const failure = this.failures.find((candidate) => candidate.method === method && candidate.path.test(path));
      if (failure && failure.passing > 0) {
        failure.passing -= 1;
      } else if (failure) {
        failure.remaining -= 1;
        if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
        throw new DiscordError(failure.status, 0, `${failure.status}: injected failure`);
      }
      const attachment = /^\/attachments\/(\d+)\//.exec(path);
      if (method === 'GET' && attachment) {
        const file = this.attachments.get(attachment[1] ?? '');
        if (!file) throw new DiscordError(404, 0, 'no such attachment');
        response.writeHead(200, { 'content-type': file.contentType }).end(file.data);
        this.requests.push({ method, path, status });
        return;
      }
      const result = await this.route(method, path, url, request, body);
      await this.delayFor(method, path);
      if (result === undefined) {
        status = 204;
        response.writeHead(204).end();
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      }
    } catch (error) {
      const failure = error instanceof DiscordError ? error : new DiscordError(500, 0, String(error));
      status = failure.status;
      if (failure.status === 429) {
        // What Discord sends when a route's bucket is empty; discord.js waits retry_after and retries.
        response
          .writeHead(429, {
            'content-type': 'application/json',
            'retry-after': String(RATE_LIMIT_RETRY_AFTER_S),
            'x-ratelimit-scope': 'user',
          })
          .end(
            JSON.stringify({
              message: 'You are being rate limited.',
              retry_after: RATE_LIMIT_RETRY_AFTER_S,
              global: false,
            }),
          );
      } else {
        response
          .writeHead(failure.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: failure.code, message: failure.message }));
      }
    }
    this.requests.push({ method, path, status });
  }

  private async delayFor(method: string, path: string): Promise<void> {
    const delay = this.delays.find((candidate) => candidate.method === method && candidate.path.test(path));
    if (!delay) return;
    delay.remaining -= 1;
    if (delay.remaining <= 0) this.delays.splice(this.delays.indexOf(delay), 1);
    await new Promise((resolve) => setTimeout(resolve, delay.ms));
  }

  private async route(
    method: string,
    path: string,
    url: URL,
    request: http.IncomingMessage,
    body: Buffer,
  ): Promise<unknown> {
    if (!path.startsWith('/api/v10/')) throw new DiscordError(404, 0, '404: Not Found');
    const route = path.slice('/api/v10'.length);
    const matchRoute = (pattern: RegExp): RegExpExecArray | null => pattern.exec(route);
    let match: RegExpExecArray | null = null;
    if (method === 'GET' && (route === '/gateway/bot' || route === '/gateway')) {
      return {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      };
    }
    match = matchRoute(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (method === 'PUT' && match) {
      requireBotAuth(request);
      const commands = (JSON.parse(String(body)) as { name: string }[]).map((command) => ({
        ...command,
        id: snowflake(),
        application_id: match?.[1],
        version: snowflake(),
      }));
      this.registeredCommands.set(match[2] ?? 'global', commands);
      return commands;
    }
    match = matchRoute(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (method === 'POST' && match) {
      const record = this.interaction(match[2] ?? '');
      const callback = JSON.parse(String(body)) as { type: number; data?: Record<string, unknown> };
      if (record.callbacks.length > 0) this.reject(record, 400, 40060, 'Interaction has already been acknowledged.');
      if (callback.type === 4) {
        checkMessage(record, this, callback.data ?? {});
        record.original = this.message(callback.data ?? {});
      }
      if (callback.type === 9) checkModal(record, this, callback.data ?? {});
      // UPDATE_MESSAGE: a component's press edits the message it is under.
      if (callback.type === 7) {
        if (record.type !== 3) this.reject(record, 400, 50035, 'Invalid Form Body: only a component can update');
        checkMessage(record, this, callback.data ?? {});
        record.original = this.message(callback.data ?? {});
      }
      // Discord answers a modal only to a command or a button press.
      if (callback.type === 9 && record.type !== 2 && record.type !== 3)
        this.reject(record, 400, 50035, 'Invalid Form Body: a modal cannot answer this interaction');
      record.callbacks.push({ type: callback.type, data: callback.data, at: performance.now() });
      if (url.searchParams.get('with_response') === 'true') {
        return {
          interaction: { id: record.id, type: record.type },
          resource: { type: callback.type, message: record.original },
        };
      }
      return undefined;
    }
    match = matchRoute(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/);
    if (match) {
      const record = this.interaction(match[2] ?? '');
      if (record.callbacks.length === 0) this.reject(record, 404, 10015, 'Unknown Webhook');
      if (method === 'DELETE') {
        record.deletedOriginal = true;
        return undefined;
      }
      if (method === 'PATCH') {
        const data = await payloadOf(request, body);
        checkMessage(record, this, data);
        const message = this.message({ ...(record.original ?? {}), ...data });
        record.original = message;
        record.edits.push({ message, at: performance.now() });
        return this.messageObject(message);
      }
      if (method === 'GET' && record.original) return this.messageObject(record.original);
      // A deferral's response is a loading message ("thinking…") until it is edited.
      if (method === 'GET' && record.callbacks[0]?.type === 5) {
        const flags = (Number(record.callbacks[0].data?.flags) & EPHEMERAL_FLAG) | LOADING_FLAG;
        return this.messageObject(this.message({ content: '', flags }));
      }
    }
    match = matchRoute(/^\/webhooks\/(\d+)\/([^/]+)$/);
    if (method === 'POST' && match) {
      const record = this.interaction(match[2] ?? '');
      if (record.callbacks.length === 0) this.reject(record, 404, 10015, 'Unknown Webhook');
      const data = await payloadOf(request, body);
      checkMessage(record, this, data);
      const message = this.message(data);
      record.followUps.push(message);
      return this.messageObject(message);
    }
    match = matchRoute(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (method === 'POST' && match) {
      requireBotAuth(request);
      const data = JSON.parse(String(body)) as { name?: string; auto_archive_duration?: number };
      const name = data.name ?? '';
      if (name.length === 0 || name.length > 100) throw new DiscordError(400, 50035, 'Invalid Form Body: thread name');
      const parent = this.guilds.find((guild) => guild.channelId === match?.[1]);
      if (!parent) throw new DiscordError(404, 10003, 'Unknown Channel');
      // A thread started on a message has the message's id.
      const thread = {
        id: match[2],
        type: 11,
        guild_id: parent.id,
        parent_id: parent.channelId,
        owner_id: this.botUserId,
        name,
        last_message_id: null,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: data.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
      };
      this.threads.set(thread.id ?? '', thread);
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return thread;
    }
    match = matchRoute(/^\/channels\/(\d+)\/messages$/);
    if (method === 'POST' && match) {
      requireBotAuth(request);
      const data = await payloadOf(request, body);
      checkMessage(undefined, this, data);
      const list = this.channelMessages.get(match[1] ?? '') ?? [];
      // As Discord does with enforce_nonce: a repeated nonce gets the message it already made.
      const repeated = data.enforce_nonce === true ? list.find((sent) => sent.nonce === data.nonce) : undefined;
      if (repeated) return this.messageObject(repeated, match[1]);
      const message = this.message(data);
      list.push(message);
      this.channelMessages.set(match[1] ?? '', list);
      return this.messageObject(message, match[1]);
    }
    throw new DiscordError(404, 0, `404: Not Found (${method} ${route})`);
  }

  private interaction(token: string): FakeInteraction {
    const record = this.interactions.find((candidate) => candidate.token === token);
    if (!record) throw new DiscordError(404, 10015, 'Unknown Webhook');
    return record;
  }

  /** Refuse a request as Discord would, and remember it on the interaction for the test to see. */
  reject(record: FakeInteraction | undefined, status: number, code: number, message: string): never {
    record?.rejected.push({ status, code, message });
    throw new DiscordError(status, code, message);
  }

  private message(data: Record<string, unknown>): FakeMessage {
    return {
      id: typeof data.id === 'string' ? data.id : snowflake(),
      content: typeof data.content === 'string' ? data.content : '',
      embeds: Array.isArray(data.embeds) ? (data.embeds as FakeEmbed[]) : [],
      components: Array.isArray(data.components) ? (data.components as FakeActionRow[]) : [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      allowedMentions: data.allowed_mentions,
      ...(typeof data.nonce === 'string' ? { nonce: data.nonce } : {}),
    };
  }

  private messageObject(message: FakeMessage, channelId = this.guilds[0]?.channelId ?? snowflake()): unknown {
    return {
      id: message.id,
      type: 0,
      channel_id: channelId,
      content: message.content,
      embeds: message.embeds,
      flags: message.flags,
      author: this.botUser(),
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      attachments: [],
      components: message.components,
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
  }
}

/** A member's user object, as Discord sends it in interactions and messages; a display name when given. */
function memberUser(userId: string, displayName?: string): Record<string, unknown> {
  return {
    id: userId,
    username: displayName ?? `member${userId.slice(-3)}`,
    discriminator: '0',
    global_name: displayName ?? null,
    avatar: null,
  };
}

function role(id: string, name: string, position: number): Record<string, unknown> {
  return {
    id,
    name,
    permissions: '0',
    position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

function requireBotAuth(request: http.IncomingMessage): void {
  if (!/^Bot \S+/.test(request.headers.authorization ?? '')) throw new DiscordError(401, 0, '401: Unauthorized');
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The JSON payload of a message request, whether sent as JSON or as multipart with files. */
async function payloadOf(request: http.IncomingMessage, body: Buffer): Promise<Record<string, unknown>> {
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    const json = form.get('payload_json');
    return typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : {};
  }
  return body.length > 0 ? (JSON.parse(String(body)) as Record<string, unknown>) : {};
}

/** Discord's message limits; a request that breaks one is refused with 50035 Invalid Form Body. */
function checkMessage(record: FakeInteraction | undefined, fake: FakeDiscord, data: Record<string, unknown>): void {
  const problems: string[] = [];
  const content = typeof data.content === 'string' ? data.content : '';
  if (content.length > 2000) problems.push(`content is ${content.length} > 2000`);
  const embeds = Array.isArray(data.embeds) ? (data.embeds as FakeEmbed[]) : [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  for (const embed of embeds) {
    const title = embed.title?.length ?? 0;
    const description = embed.description?.length ?? 0;
    if (title > 256) problems.push(`title ${title} > 256`);
    if (description > 4096) problems.push(`description ${description} > 4096`);
    if ((embed.fields?.length ?? 0) > 25) problems.push('more than 25 fields');
    for (const field of embed.fields ?? []) {
      if (field.name.length > 256 || field.value.length > 1024) problems.push('field too long');
      if (field.value.length === 0) problems.push('empty field value');
    }
    if ((embed.footer?.text.length ?? 0) > 2048) problems.push('footer > 2048');
    total +=
      title +
      description +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  }
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  const rows = Array.isArray(data.components) ? (data.components as FakeActionRow[]) : [];
  if (rows.length > 5) problems.push(`${rows.length} action rows > 5`);
  for (const row of rows) {
    if (row.type !== 1) problems.push('a top-level component that is not an action row');
    if (row.components.length > 5) problems.push(`${row.components.length} buttons in a row > 5`);
    for (const button of row.components) {
      if ((button.custom_id?.length ?? 0) > 100) problems.push('custom_id > 100');
      if ((button.label?.length ?? 0) > 80) problems.push('button label > 80');
      if (button.type === 2 && button.style !== 5 && !button.custom_id) problems.push('a button without custom_id');
    }
  }
  if (problems.length > 0) fake.reject(record, 400, 50035, `Invalid Form Body: ${problems.join('; ')}`);
}

/** Discord's modal limits: a title of 45 characters, a custom id of 100, 1-5 rows of one text input each. */
function checkModal(record: FakeInteraction, fake: FakeDiscord, data: Record<string, unknown>): void {
  const problems: string[] = [];
  const title = typeof data.title === 'string' ? data.title : '';
  if (title.length === 0 || title.length > 45) problems.push(`modal title of ${title.length} characters`);
  const customId = typeof data.custom_id === 'string' ? data.custom_id : '';
  if (customId.length === 0 || customId.length > 100) problems.push('modal custom_id');
  const rows = Array.isArray(data.components) ? (data.components as FakeActionRow[]) : [];
  if (rows.length === 0 || rows.length > 5) problems.push(`${rows.length} modal rows`);
  for (const row of rows) {
    const inputs = row.components as { type: number; custom_id?: string; label?: string }[];
    if (inputs.length !== 1 || inputs[0]?.type !== 4) problems.push('a modal row that is not one text input');
    if ((inputs[0]?.label?.length ?? 0) > 45) problems.push('text input label > 45');
  }
  if (problems.length > 0) fake.reject(record, 400, 50035, `Invalid Form Body: ${problems.join('; ')}`);
}
