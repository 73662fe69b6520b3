/**
 * Resolves after the event loop has had a turn (its I/O and timers run
 * first). Long CPU work on the main thread (ranking a participant's
 * candidates, normalising an employer's batch) awaits it between slices,
 * so a /healthz probe or a cheap page waits for one slice, not for the
 * whole job (issue 11).
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
