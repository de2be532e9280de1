import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Command, MessageCommand } from './command.js';

/** The project's `commands/` folder. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));
/** Message commands ("Ask newsdesk" in a message's Apps menu): `commands/menus/`. */
export const MESSAGE_COMMANDS_DIR = path.join(COMMANDS_DIR, 'menus');

const commandShape = z.object({
  data: z.object({ name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u), toJSON: z.function() }),
  execute: z.function(),
  autocomplete: z.function().optional(),
  moderatorsOnly: z.boolean().optional(),
});
const messageCommandShape = z.object({
  data: z.object({ name: z.string().min(1).max(32), toJSON: z.function() }),
  execute: z.function(),
  moderatorsOnly: z.boolean().optional(),
});

/** Import every command module in `dir`; a file that does not export a valid command is skipped with a warning. */
export async function loadCommands(log: Logger, dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  return loadModules<Command>(log, dir, commandShape, (name) => name);
}

/** Import every message command in `dir` (none when the folder is missing), each in the file named after it. */
export async function loadMessageCommands(
  log: Logger,
  dir: string = MESSAGE_COMMANDS_DIR,
): Promise<Map<string, MessageCommand>> {
  return loadModules<MessageCommand>(log, dir, messageCommandShape, (name) => name.toLowerCase().replace(/\s+/g, '-'));
}

async function loadModules<T extends { data: { name: string } }>(
  log: Logger,
  dir: string,
  shape: z.ZodType,
  fileNameOf: (name: string) => string,
): Promise<Map<string, T>> {
  const loaded = new Map<string, T>();
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => entry.name)
    .sort();
  for (const file of files) {
    const expected = path.basename(file, path.extname(file));
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    if (!shape.safeParse(module.default).success) {
      log.warn({ file }, 'skipped: not a command module (export default { data, execute })');
      continue;
    }
    const command = module.default as T;
    if (fileNameOf(command.data.name) !== expected) {
      log.warn({ file, name: command.data.name }, 'skipped: the command name must match the file name');
      continue;
    }
    loaded.set(command.data.name, command);
  }
  return loaded;
}
