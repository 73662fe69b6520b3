import type { FC } from 'hono/jsx';

/**
 * A page's one-line outcome: a notice (announced politely) and an error
 * (announced at once). `errorId` lets a field point at the error with
 * aria-describedby.
 */
export const StatusMessages: FC<{ notice?: string | null; error?: string | null; errorId?: string }> = ({ notice, error, errorId }) => (
  <>
    {notice ? (
      <p class="notice" role="status">
        {notice}
      </p>
    ) : null}
    {error ? (
      <div class="errors" role="alert" id={errorId}>
        <p>{error}</p>
      </div>
    ) : null}
  </>
);
