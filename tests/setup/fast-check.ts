// The global fast-check configuration (vitest.config.ts `setupFiles`): every property in
// tests/unit honours FC_NUM_RUNS, and says its seed when it fails.
//   FC_NUM_RUNS unset: each property runs as many times as it asks (fast-check's 100 by default),
//                      the figure CI time is planned for.
//   FC_NUM_RUNS=20000: every property runs 20,000 times, whatever it asks (the long version).
// A failure's message carries `seed` and `path`; rerun one case with fc.assert(…, { seed, path }).
import { vi } from 'vitest';

const runs = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : undefined;
if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error(`FC_NUM_RUNS must be a positive integer, not ${process.env.FC_NUM_RUNS}`);

// The long version runs for minutes: lift vitest's per-test time limit while it does.
if (runs) vi.setConfig({ testTimeout: 60 * 60_000 });

// fast-check's exports cannot be reassigned, so every test file gets this module in its place:
// fast-check itself, with an `assert` that runs FC_NUM_RUNS times when it is set (overriding the
// property's own numRuns) and prints the seed of a failure on a line of its own.
vi.mock('fast-check', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fast-check')>();
  const fc = actual.default ?? actual;
  const assert: typeof fc.assert = ((property: never, params?: object) => {
    try {
      return fc.assert(property, { ...params, ...(runs && { numRuns: runs }) });
    } catch (error) {
      const found = /seed: (-?\d+), path: "([^"]*)"/.exec(String((error as Error)?.message));
      if (found) console.error(`fast-check: failed with seed ${found[1]}, path "${found[2]}" (FC_NUM_RUNS=${runs ?? 'unset'})`);
      throw error;
    }
  }) as never;
  const wrapped = { ...fc, assert };
  return { ...actual, ...wrapped, default: wrapped };
});
