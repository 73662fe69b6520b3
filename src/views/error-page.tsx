import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { sendPage } from './render.ts';
import { Layout } from './layout.tsx';

export interface ErrorPageProps {
  status: number;
  title: string;
  /** Shown for client errors only; a server error never shows its message (it may hold internals). */
  detail?: string | null;
  requestId?: string | null;
}

/** The HTML error page the app's onError renders for browsers outside /v1: no stack trace, ever. */
export const ErrorPage: FC<ErrorPageProps> = ({ status, title, detail, requestId }) => (
  <Layout title={title} coach={null}>
    <h1>{title}</h1>
    <p>
      {status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : detail || 'The page could not be shown.'}
    </p>
    <p class="muted small">
      Status {status}
      {requestId ? ` · reference ${requestId}` : ''}
    </p>
    <p>
      <a href="/">Go to vacancy search</a> · <a href="/participants">Participants</a>
    </p>
  </Layout>
);

/** Browsers asking for a page outside the JSON API get HTML errors; API clients keep problem+json. */
export function wantsHtmlPage(c: Context): boolean {
  const path = c.req.path;
  if (path === '/v1' || path.startsWith('/v1/')) return false;
  return (c.req.header('Accept') ?? '').includes('text/html');
}

/**
 * The HTML twin of the app's problem+json errors: same status, the title,
 * the detail for client errors only, the request id to quote. A 500 is
 * logged by the caller and shows no message at all.
 */
export function sendErrorPage(c: Context, status: number, title: string, detail: string | null): Response | Promise<Response> {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? null;
  return sendPage(c, <ErrorPage status={status} title={title} detail={status < 500 ? detail : null} requestId={requestId} />, status);
}
