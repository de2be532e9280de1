const printedTenths = new Map<string, number>();

/** Progress on stderr: a bar on a terminal, a plain line at each tenth otherwise. */
export function progress(label: string, done: number, total: number): void {
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
    return;
  }
  // Work arrives in steps of any size, so print whenever a new tenth is crossed.
  const tenth = Math.floor((done / total) * 10);
  if (tenth > (printedTenths.get(label) ?? -1) || done === total) {
    printedTenths.set(label, tenth);
    process.stderr.write(`${label} ${done}/${total}\n`);
  }
}
