import type { EnqueuedTask, Meilisearch, Task } from 'meilisearch';
import { withRetry, type RetryOptions } from './retry.ts';

/** A Meilisearch task that ended failed or canceled; carries the task's own error. */
export class MeiliTaskError extends Error {
  override name = 'MeiliTaskError';
  constructor(
    message: string,
    readonly task: Pick<Task, 'uid' | 'type' | 'status' | 'indexUid' | 'error'>,
  ) {
    super(message);
  }
}

/** Throws unless the task succeeded. Pure: the message names the task and Meilisearch's reason. */
export function assertTaskSucceeded(task: Pick<Task, 'uid' | 'type' | 'status' | 'indexUid' | 'error'>): void {
  if (task.status === 'succeeded') return;
  const where = task.indexUid ? ` on ${task.indexUid}` : '';
  const reason = task.error ? `${task.error.message} (${task.error.code})` : 'no error given';
  throw new MeiliTaskError(`Meilisearch task ${task.uid} (${task.type}${where}) ${task.status}: ${reason}`, task);
}

export interface TaskRunnerOptions {
  /** Longest wait for one task, ms. */
  timeoutMs: number;
  /** Polling interval, ms. */
  intervalMs: number;
  retry: RetryOptions;
}

/**
 * Enqueues a write (retrying transient failures; writes are idempotent so a
 * duplicate enqueue is harmless), waits for its task (retrying transient
 * failures of the polling too) and throws if the task did not succeed.
 */
export async function runTask(
  client: Meilisearch,
  enqueue: () => Promise<EnqueuedTask>,
  options: TaskRunnerOptions,
): Promise<Task> {
  const enqueued = await withRetry(enqueue, options.retry);
  const task = await withRetry(
    () => client.tasks.waitForTask(enqueued.taskUid, { timeout: options.timeoutMs, interval: options.intervalMs }),
    options.retry,
  );
  assertTaskSucceeded(task);
  return task;
}
