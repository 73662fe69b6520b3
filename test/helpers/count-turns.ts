/**
 * Runs `work` and counts the event loop's turns while it runs (a
 * setImmediate chain): work that yields between slices lets many through,
 * one synchronous stretch only the few around its awaits.
 */
export async function countTurns<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}
