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
  ])('stops on a bad value and names the variable (%o)', (environment, variable) => {
    expect(() => parseConfig(environment)).toThrow(ConfigError);
    expect(() => parseConfig(environment)).toThrow(variable);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '' }).discord.token).toBeUndefined();
  });
});
