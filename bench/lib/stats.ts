/** The q-quantile (0…1) by nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Milliseconds taken by each call of `run` over the items, in order. */
export async function timeEach<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<{ ms: number[]; results: R[] }> {
  const ms: number[] = [];
  const results: R[] = [];
  for (const item of items) {
    const started = performance.now();
    results.push(await run(item));
    ms.push(performance.now() - started);
  }
  return { ms, results };
}

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export const fixed = (value: number, digits = 1) => value.toFixed(digits);
export const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
