/**
 * A progress bar for long runs: redrawn in place on a terminal (at most ten times a second), a line
 * per tenth of the work otherwise, so logs stay short.
 */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export function progressBar(
  sink: ProgressSink,
  label: string,
  unit = 'epochs',
  width = 30,
): (done: number, total: number) => void {
  let lastDraw = 0;
  let lastTenth = -1;
  const started = Date.now();
  return (done, total) => {
    const frac = total === 0 ? 1 : done / total;
    const finished = done >= total;
    if (sink.isTTY === true) {
      const now = Date.now();
      if (!finished && now - lastDraw < 100) return;
      lastDraw = now;
      const filled = Math.round(frac * width);
      const secs = ((now - started) / 1000).toFixed(1);
      sink.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit} ${secs}s${finished ? '\n' : ''}`,
      );
    } else {
      const tenth = Math.floor(frac * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      sink.write(`${label}: ${done}/${total} ${unit} (${tenth * 10}%)\n`);
    }
  };
}
