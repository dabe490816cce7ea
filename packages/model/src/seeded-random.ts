/**
 * A deterministic source of numbers in [0, 1) (mulberry32) seeded with `seed`: the same
 * seed gives the same sequence, so anything drawn from it (an emulator's ids and fault
 * draws, a fuzz run, a test's jitter) replays from the seed alone.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
