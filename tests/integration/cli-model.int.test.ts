import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_OK } from '../../src/cli.js';
import { ScriptedChatServer } from '../../src/eval/scripted-chat-server.js';
import { runCliCapturing } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const QUESTION = 'How many additional troops would each country send?';

describe('the terminal with a language model configured in the environment', () => {
  const temp = makeTempDir();
  let chat: ScriptedChatServer;
  const cli = runCliCapturing;

  beforeAll(async () => {
    chat = await ScriptedChatServer.start(() => ({
      content:
        'Each country would reportedly send 1,000 additional troops [1]. The troops would parachute into Paris [1].',
    }));
    // Read once by the first command, as `npm run ask` reads .env.
    Object.assign(process.env, { DATA_DIR: temp.dir, LLM_BASE_URL: chat.url, LLM_MODEL: 'scripted-model' });
    expect((await cli('ingest', 'tests/fixtures/samples')).code).toBe(EXIT_OK);
  });
  afterAll(async () => {
    await chat.close();
    temp.remove();
  });

  it('npm run ask prints the checked model answer and says who wrote it', async () => {
    const { code, text } = await cli('ask', QUESTION);
    expect(code).toBe(EXIT_OK);
    // The sample article is from 2022: the answer says how old its news is.
    expect(text).toMatch(
      /^Each country would reportedly send 1,000 additional troops\. \[1\]\n\nAs of 26 Jan 2022\.\n\nSources:/,
    );
    expect(text).not.toContain('Paris');
    expect(text).toContain('(Written by scripted-model; every citation was checked against its article.)');
    const json = JSON.parse((await cli('ask', QUESTION, '--json')).text) as { written_by: string; answer: string };
    expect(json).toMatchObject({ written_by: 'scripted-model' });
    expect(chat.requests).toHaveLength(2);
  });
});
