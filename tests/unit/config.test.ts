import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

describe('parseConfig', () => {
  it('fills defaults from an empty environment', () => {
    const config = parseConfig({});
    expect(config.embedding.provider).toBe('use-lite');
    expect(config.discord.apiUrl).toBe('https://discord.com/api');
    expect(config.dataDir).toMatch(/data\/state$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ EMBEDDING_BATCH_SIZE: 'lots' }, 'EMBEDDING_BATCH_SIZE'],
    [{ EMBEDDING_PROVIDER: 'magic' }, 'EMBEDDING_PROVIDER'],
    [{ EMBEDDING_PROVIDER: 'openai' }, 'EMBEDDING_BASE_URL'],
    [{ EMBEDDING_PROVIDER: 'transformers' }, 'EMBEDDING_MODEL_PATH'],
    [{ DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL'],
    [{ DISCORD_GUILD_ID: 'abc' }, 'DISCORD_GUILD_ID'],
    [{ DISCORD_TOKEN: 'x' }, 'DISCORD_CLIENT_ID'],
    [{ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'LLM_MODEL'],
    [{ LLM_BASE_URL: 'ftp://models.example' }, 'LLM_BASE_URL'],
    [{ LLM_TIMEOUT_MS: '10' }, 'LLM_TIMEOUT_MS'],
    [{ LLM_STREAMING: 'sometimes' }, 'LLM_STREAMING'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops on a bad value and names the variable (%o)', (environment, variable) => {
    expect(() => parseConfig(environment)).toThrow(ConfigError);
    expect(() => parseConfig(environment)).toThrow(variable);
  });

  it('configures a language model only when its endpoint and model are set', () => {
    expect(parseConfig({}).llm).toBeUndefined();
    expect(
      parseConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3.2', LLM_STREAMING: 'false' }).llm,
    ).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: undefined,
      model: 'llama3.2',
      timeoutMs: 30_000,
      streaming: false,
    });
  });

  it("words a bad value in the user's terms, not the validation library's", () => {
    expect(() => parseConfig({ EMBEDDING_BATCH_SIZE: 'lots' })).toThrow(
      'EMBEDDING_BATCH_SIZE: must be a whole number from 1 to 512',
    );
    expect(() => parseConfig({ FEED_POLL_MINUTES: '2.5' })).toThrow('FEED_POLL_MINUTES: must be a whole number');
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL: must be one of fatal, error, warn');
    expect(() => parseConfig({ EMBEDDING_BATCH_SIZE: 'lots' })).not.toThrow(/NaN|received/);
  });

  it('reads an empty number as its default, and EMBEDDING_WORKERS=0 as no worker threads', () => {
    const defaults = parseConfig({}).embedding;
    expect(parseConfig({ EMBEDDING_WORKERS: '', EMBEDDING_BATCH_SIZE: ' ' }).embedding).toEqual(defaults);
    expect(defaults.workers).toBeGreaterThanOrEqual(1);
    expect(defaults.workers).toBeLessThanOrEqual(4);
    expect(parseConfig({ EMBEDDING_WORKERS: '0' }).embedding.workers).toBe(0);
    expect(() => parseConfig({ EMBEDDING_WORKERS: 'many' })).toThrow(
      'EMBEDDING_WORKERS: must be a whole number from 0 to 16',
    );
  });

  it('leaves the log level to each entry point when LOG_LEVEL is unset, and reads LOG_FILE', () => {
    expect(parseConfig({}).log).toEqual({ level: undefined, file: undefined });
    expect(parseConfig({ LOG_LEVEL: 'debug', LOG_FILE: '/tmp/newsdesk.log' }).log).toEqual({
      level: 'debug',
      file: '/tmp/newsdesk.log',
    });
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '' }).discord.token).toBeUndefined();
  });
});
