import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { CoachEnv } from '../http/coach-auth.ts';
import { pageSession } from '../http/page-session.ts';
import { originSettingsOf } from '../http/public-origin.ts';
import { outcomesCsv } from '../outcomes/outcomes-csv.ts';
import { organisationOutcomes } from '../outcomes/outcomes.ts';
import { OutcomesPage } from '../views/outcomes-page.tsx';
import { sendPage } from '../views/render.ts';

/** A file name that is safe in a Content-Disposition header whatever the organisation is called. */
const fileSlug = (org: string) => org.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organisation';

/**
 * The organisation's outcomes: GET /outcomes (the page) and GET
 * /outcomes.csv (its tables). Signed-in coaches only, and only their own
 * organisation's figures: the organisation comes from the session, never
 * from the request. Mounted at '/', because the two paths are siblings.
 */
export function outcomeRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  const session = pageSession({ db: deps.db, now: deps.now, origin: originSettingsOf(deps.config) });
  r.use('/outcomes', session);
  r.use('/outcomes.csv', session);

  r.get('/outcomes', (c) => sendPage(c, <OutcomesPage coach={c.var.coach} outcomes={organisationOutcomes(deps, c.var.coach.org)} />));

  r.get('/outcomes.csv', (c) => {
    const today = new Date(deps.now()).toISOString().slice(0, 10);
    return c.body(outcomesCsv(organisationOutcomes(deps, c.var.coach.org)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="outcomes-${fileSlug(c.var.coach.org)}-${today}.csv"`,
      // The same care as the pages: figures of one organisation, never kept by a cache.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return r;
}
