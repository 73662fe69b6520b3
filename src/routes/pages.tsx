import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app.ts';
import type { CoachEnv } from '../auth/coach-auth.ts';
import { assertSameOrigin, pageSession, safeNext, sessionCoach, signIn, signOut } from '../auth/page-session.ts';
import { ProblemError, type FieldError } from '../errors.ts';
import { searchVacancies, type SearchResponse } from '../search/search-api.ts';
import { SEARCH_FIELDS, SearchPage, type SearchForm } from '../views/search-page.tsx';
import { SigninPage } from '../views/signin-page.tsx';
import { sendPage } from '../views/render.ts';

/**
 * The coach pages: server-rendered HTML over the same plain functions the
 * JSON API calls (never HTTP to itself). Plain links and forms; no scripts.
 * Signed-out requests are sent to /signin; every POST is Origin-checked.
 */

/** Field errors of a 422 (a form re-renders with them); anything else is rethrown for onError. */
function fieldErrorsOf(err: unknown): FieldError[] {
  if (err instanceof ProblemError && err.status === 422) return err.errors.length ? err.errors : [{ path: '', message: err.detail ?? err.title }];
  throw err;
}

/** Query parameters of a form, with empty fields dropped (an empty field means "not set", not an invalid value). */
function formValues<K extends string>(c: Context, fields: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const f of fields) {
    const v = c.req.query(f)?.trim();
    if (v) out[f] = v;
  }
  return out;
}

export function pageRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  // Page paths only: middleware on '*' here would also run for the API's paths.
  for (const path of ['/', '/participants', '/participants/*', '/sectors']) r.use(path, pageSession(deps.db));

  r.get('/signin', (c) => {
    const next = safeNext(c.req.query('next'));
    if (sessionCoach(c, deps.db)) return c.redirect(next, 303);
    return sendPage(c, <SigninPage next={next} notice={c.req.query('signedout') ? 'You have signed out.' : null} />);
  });

  r.post('/signin', async (c) => {
    assertSameOrigin(c);
    const body = await c.req.parseBody();
    const next = safeNext(typeof body['next'] === 'string' ? body['next'] : null);
    const token = typeof body['token'] === 'string' ? body['token'] : '';
    if (!signIn(c, deps.db, token)) {
      return sendPage(c, <SigninPage next={next} error="That token was not recognised. Check you pasted all of it, or ask your operator for a new one." />, 401);
    }
    return c.redirect(next, 303);
  });

  r.get('/signout', (c) => c.redirect('/signin', 303));
  r.post('/signout', (c) => {
    assertSameOrigin(c);
    signOut(c);
    return c.redirect('/signin?signedout=1', 303);
  });

  r.get('/', async (c) => {
    const form: SearchForm = formValues(c, SEARCH_FIELDS);
    let result: SearchResponse | null = null;
    let errors: FieldError[] = [];
    try {
      result = await searchVacancies(deps, { ...form, pageSize: '20' });
    } catch (err) {
      errors = fieldErrorsOf(err);
    }
    return sendPage(c, <SearchPage coach={c.var.coach} form={form} result={result} errors={errors} />, errors.length ? 422 : 200);
  });

  return r;
}
