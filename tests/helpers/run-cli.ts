import { runCli } from '../../src/cli.js';

/** What one in-process run of the CLI printed. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Standard output and error together, in the order they were written. */
  text: string;
}

/** Run the CLI in this process with these arguments, capturing what it prints. */
export async function runCliCapturing(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const both: string[] = [];
  const code = await runCli(
    args,
    (line) => {
      out.push(line);
      both.push(line);
    },
    (line) => {
      err.push(line);
      both.push(line);
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n'), text: both.join('\n') };
}
