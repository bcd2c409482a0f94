// Seeded randomness for the quiz: the same seed always gives the same order, so a learner who
// reloads sees the same assessment, a test can pin an order, and a print matches the screen.
// Not for anything secret: mulberry32 is a small, fast, well-spread PRNG, not a cryptographic one.
export type Seed = number | string;

/** FNV-1a: a string (or number) to a 32-bit unsigned seed. */
export function hashSeed(seed: Seed): number {
  if (typeof seed === 'number') return seed >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: returns a function giving floats in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: Seed): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded PRNG. Returns a new array; the input is not touched. */
export function seededShuffle<T>(items: readonly T[], seed: Seed): T[] {
  const out = items.slice();
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
