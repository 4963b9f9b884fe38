/* Tasks for test/unit/upload.test.ts, run in a worker by runIsolated. */

export function length(input: Uint8Array): number {
  return input.byteLength;
}

/** Keeps allocating until the worker's heap limit ends it. */
export function hog(): number {
  const kept: string[] = [];
  for (;;) kept.push(`${'x'.repeat(1024)}${kept.length}`);
}

export async function sleep(ms: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}

export function fail(): never {
  throw new Error('kapot');
}
