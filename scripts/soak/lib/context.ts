import type { SoakFixture } from './store.ts';

/** What every scenario gets from run.ts. */
export interface SoakContext {
  fixture: SoakFixture;
  /** Per-load duration, ms (--duration). */
  durationMs: number;
  /** A scratch directory removed at the end of the run. */
  workDir: string;
  /** Seed for the random choices (kill points, queries); --seed. */
  seed: number;
  /** Reads `--name N` from the command line. */
  numberArg(name: string, fallback: number): number;
}

export interface Scenario {
  name: string;
  run(ctx: SoakContext): Promise<void>;
}
