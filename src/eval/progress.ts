/** Progress on stderr: a bar on a terminal, a line every tenth otherwise. */
export function progress(label: string, done: number, total: number): void {
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  } else if (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0) {
    process.stderr.write(`${label} ${done}/${total}\n`);
  }
}
