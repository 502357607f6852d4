/** Milliseconds of each of `runs` calls, after one warm-up call that is not counted. */
export async function time(runs: number, call: () => Promise<void>): Promise<number[]> {
  await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples;
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export function summarize(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return `median ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, min ${ms(sorted[0])}, max ${ms(sorted[sorted.length - 1])} (${samples.length} runs)`;
}
