/** Discord's and the console's commands, as the command line says them. */
const COMMAND_LINE_WORDS: readonly [RegExp, string][] = [
  [/\/feed list\b/g, '`npm run feeds -- list`'],
  [/\/sources\b/g, '`npm run sources`'],
  [/\/add\b/g, '`npm run ingest`'],
];

/** A message written for Discord or the console, with its commands named as the command line runs them. */
export function inCommandLineWords(text: string): string {
  return COMMAND_LINE_WORDS.reduce((result, [pattern, words]) => result.replace(pattern, words), text);
}
