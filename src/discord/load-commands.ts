import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Command } from './command.js';

/** The project's `commands/` folder. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

const commandShape = z.object({
  data: z.object({ name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u), toJSON: z.function() }),
  execute: z.function(),
  autocomplete: z.function().optional(),
  moderatorsOnly: z.boolean().optional(),
});

/** Import every command module in `dir`; a file that does not export a valid command is skipped with a warning. */
export async function loadCommands(log: Logger, dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  const files = (await readdir(dir)).filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts')).sort();
  for (const file of files) {
    const expected = path.basename(file, path.extname(file));
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    const parsed = commandShape.safeParse(module.default);
    if (!parsed.success) {
      log.warn({ file }, 'skipped: not a command module (export default { data, execute })');
      continue;
    }
    const command = module.default as Command;
    if (command.data.name !== expected) {
      log.warn({ file, name: command.data.name }, 'skipped: the command name must match the file name');
      continue;
    }
    commands.set(command.data.name, command);
  }
  return commands;
}
