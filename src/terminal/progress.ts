const printedTenths = new Map<string, number>();

/** Where progress goes: a stream's write and whether it is a terminal (for a bar drawn in place). */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/**
 * Progress on stderr (or `output`): a bar on a terminal, a plain line at each tenth otherwise.
 * `detail` follows the counts ("12.3 passages/s, 40 s left").
 */
export function progress(
  label: string,
  done: number,
  total: number,
  detail = '',
  output: ProgressOutput = process.stderr,
): void {
  const suffix = detail ? ` · ${detail}` : '';
  if (output.isTTY) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    output.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${suffix}`);
    if (done === total) output.write('\n');
    return;
  }
  // Work arrives in steps of any size, so print whenever a new tenth is crossed.
  const tenth = Math.floor((done / total) * 10);
  if (tenth > (printedTenths.get(label) ?? -1) || done === total) {
    printedTenths.set(label, tenth);
    output.write(`${label} ${done}/${total}${suffix}\n`);
  }
  if (done === total) printedTenths.delete(label);
}
