/**
 * The secrets the tests configure. tests/global-setup.ts fails the run if any of them appears in
 * the logs of the whole run.
 */
export const TEST_SECRETS = {
  discordToken: 'discord-token-never-logged-7f3a91',
  apiKey: 'sk-never-logged-9c2e55',
} as const;
