import type { RunState } from './services/rerun';

/**
 * A progress bar on stderr for the long commands (seed, rules:rerun): share done, rate and time
 * left. On a terminal it redraws one line; in a log it writes a line every five seconds.
 */
export class ProgressBar {
  private readonly tty = process.stderr.isTTY;
  private lastLineMs = 0;
  private startedMs = performance.now();
  private label = '';

  /** Starts timing a new stretch of work (a phase), begun at `startedMs`, whose rate and time left are its own. */
  restart(label: string, startedMs = performance.now()): void {
    if (this.tty && this.label !== '') process.stderr.write('\n');
    [this.label, this.startedMs, this.lastLineMs] = [label, startedMs, 0];
  }

  show(done: number, total: number, { last = false }: { last?: boolean } = {}): void {
    const now = performance.now();
    if (!this.tty && now - this.lastLineMs < 5000 && !last) return;
    this.lastLineMs = now;
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const rate = done / Math.max(0.001, (now - this.startedMs) / 1000);
    const left = rate > 0 ? Math.max(0, Math.round((total - done) / rate)) : null;
    const eta = left === null ? '' : ` ETA ${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s`;
    const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
    const line = `${this.label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${count} ${Math.round(rate).toLocaleString('en-US')}/s${eta}`;
    process.stderr.write(this.tty ? `\r${line}` : `${line}\n`);
  }

  /** Ends the bar's line on a terminal. */
  end(): void {
    if (this.tty && this.label !== '') process.stderr.write('\n');
    this.label = '';
  }
}

/** A re-run's progress (see continueRun) on a bar: one stretch per phase of each type. */
export function showRun(bar: ProgressBar): (state: RunState) => void {
  let stretch = '';
  // A phase is reported after its first batch: it began when the batch before it ended.
  let previousMs = performance.now();
  return (state) => {
    const label = `${state.type} ${state.phase === 'done' ? 'check' : state.phase}`;
    if (label !== stretch) {
      bar.restart(label, previousMs);
      stretch = label;
    }
    bar.show(state.done, state.total, { last: state.phase === 'done' });
    previousMs = performance.now();
  };
}
