/** A one-line progress bar with rate and ETA on stderr (no-op when stderr is not a terminal, except the final line). */
export function progressBar(label: string, total: number) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  const line = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const ratio = total ? done / total : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${Math.round(rate).toLocaleString('en-US')}/s ETA ${formatDuration(eta)}`;
  };
  return {
    update(done: number) {
      const now = performance.now();
      if (tty && now - last > 200) {
        last = now;
        process.stderr.write(`\r${line(done)}`);
      } else if (!tty && now - last > 10_000) {
        last = now;
        process.stderr.write(`${line(done)}\n`);
      }
    },
    finish() {
      process.stderr.write(
        `${tty ? '\r' : ''}${line(total)} in ${formatDuration((performance.now() - started) / 1000)}\n`,
      );
    },
  };
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  if (h > 0) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
