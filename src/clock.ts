/** Time comes from an injected clock so tests are deterministic. Epoch ms. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock for tests that only moves when told to. */
export function fixedClock(start: number | string): Clock & { advance(ms: number): void; set(t: number | string): void } {
  let t = typeof start === 'string' ? Date.parse(start) : start;
  const clock = (() => t) as Clock & { advance(ms: number): void; set(t: number | string): void };
  clock.advance = (ms) => {
    t += ms;
  };
  clock.set = (v) => {
    t = typeof v === 'string' ? Date.parse(v) : v;
  };
  return clock;
}

export const DAY_MS = 86_400_000;
