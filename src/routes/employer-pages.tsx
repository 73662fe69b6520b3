import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { createSigninThrottle } from '../auth/signin-throttle.ts';
import type { EmployerPrincipal } from '../auth/api-keys.ts';
import {
  closeVacancy,
  findOwnVacancyByReference,
  getOwnVacancy,
  listOwnVacancies,
  parseVacancyInput,
  submitVacancy,
  type EmployerApiDeps,
} from '../employers/employer-vacancies.ts';
import { ProblemError, type FieldError } from '../errors.ts';
import type { EmployerEnv } from '../http/employer-auth.ts';
import { employerPageSession, safeEmployerNext, sessionEmployer, signInEmployer, signOutEmployer } from '../http/employer-page-session.ts';
import { sameOriginPosts, type PageAuthDeps } from '../http/page-session.ts';
import { originSettingsOf } from '../http/public-origin.ts';
import type { RequestContextEnv } from '../http/request-context.ts';
import type { RawVacancy } from '../vacancies/model.ts';
import { mergeFormErrors, readVacancyForm, vacancyBodyFromForm, type VacancyForm } from '../views/employer-vacancy-form-data.ts';
import { EmployerSigninPage } from '../views/employer-signin-page.tsx';
import { EmployerVacanciesPage } from '../views/employer-vacancies-page.tsx';
import { EmployerVacancyFormPage } from '../views/employer-vacancy-form.tsx';
import { sendPage } from '../views/render.ts';

type Env = { Variables: EmployerEnv['Variables'] & RequestContextEnv['Variables'] };

/** Vacancies listed on the employer page; the API lists the rest, page by page. */
const LIST_SIZE = 100;

/** A reference for a vacancy posted without one: WEB-<day>-<6 hex>, so it reads as made here and never collides in practice. */
function madeUpReference(now: number): string {
  return `WEB-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/**
 * A posted form → a vacancy ready for submitVacancy, or every problem at
 * once in the form's terms: the form's own reading (numbers, pay period,
 * a past closing date), the API's validation of the body the form maps to
 * (parseVacancyInput, the same call POST /v1/vacancies makes), and a
 * reference the employer already uses: the form posts a new vacancy, so it
 * never silently replaces one as an API re-send would.
 */
function checkVacancyForm(deps: AppDeps, employer: EmployerPrincipal, form: VacancyForm): { ok: true; raw: RawVacancy & { reference: string } } | { ok: false; errors: FieldError[] } {
  const now = deps.now();
  let reference = form.reference;
  for (let i = 0; !reference && i < 5; i++) {
    const candidate = madeUpReference(now);
    if (!findOwnVacancyByReference(deps.db, employer, candidate)) reference = candidate;
  }
  const { body, errors } = vacancyBodyFromForm(form, { reference: reference ?? madeUpReference(now), now });
  const parsed = parseVacancyInput(body, now);
  const own = [...errors];
  const taken = form.reference ? findOwnVacancyByReference(deps.db, employer, form.reference) : null;
  if (taken) own.push({ path: 'reference', message: `You already have a vacancy with this reference (${taken.title}). Use another reference, or leave it empty and we make one up` });
  const all = mergeFormErrors(own, parsed.ok ? [] : parsed.errors);
  if (all.length || !parsed.ok) return { ok: false, errors: all };
  return { ok: true, raw: parsed.raw };
}

/**
 * The employer pages (/employer): sign in with the API key, see your own
 * vacancies, post one through a form, close one. Posting and closing go
 * through the employer API's own functions (parseVacancyInput,
 * submitVacancy, closeVacancy), so a vacancy posted here is stored, indexed
 * and searchable exactly like one sent to POST /v1/vacancies. Plain forms,
 * no scripts; every POST is Origin-checked before anything else.
 */
export function employerPageRoutes(deps: AppDeps): Hono<Env> {
  const r = new Hono<Env>();
  const auth: PageAuthDeps = { db: deps.db, now: deps.now, origin: originSettingsOf(deps.config), throttle: createSigninThrottle({ now: deps.now }) };
  const ingestDeps = (c: Context<Env>): EmployerApiDeps => ({ db: deps.db, now: deps.now, enricher: deps.enricher(), geocoder: deps.geocoder, logger: c.var.logger ?? deps.logger });

  // Mounted at /employer: '*' here is every employer page, and nothing else.
  r.use('*', sameOriginPosts(auth.origin));
  for (const path of ['/', '/vacancies', '/vacancies/*']) r.use(path, employerPageSession(auth));

  r.get('/signin', (c) => {
    const next = safeEmployerNext(c.req.query('next'));
    if (sessionEmployer(c, auth)) return c.redirect(next, 303);
    return sendPage(c, <EmployerSigninPage next={next} notice={c.req.query('signedout') ? 'You have signed out.' : null} />);
  });

  r.post('/signin', async (c) => {
    const body = await c.req.parseBody();
    const next = safeEmployerNext(typeof body['next'] === 'string' ? body['next'] : null);
    const result = signInEmployer(c, auth, typeof body['key'] === 'string' ? body['key'] : '');
    if (result.ok) return c.redirect(next, 303);
    if (result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return sendPage(c, <EmployerSigninPage next={next} error={`Too many failed sign-ins from here. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.`} />, 429);
    }
    return sendPage(c, <EmployerSigninPage next={next} error="That key was not recognised. Check you pasted all of it, or ask for a new one if it was revoked." />, 401);
  });

  r.get('/signout', (c) => c.redirect('/employer/signin', 303));
  r.post('/signout', (c) => {
    signOutEmployer(c, auth);
    return c.redirect('/employer/signin?signedout=1', 303);
  });

  const renderList = (c: Context<Env>, opts: { notice?: string | null; error?: string | null; highlightId?: number | null }, status = 200) => {
    const { items, total } = listOwnVacancies(deps.db, c.var.employer, { page: 1, pageSize: LIST_SIZE });
    return sendPage(c, <EmployerVacanciesPage employer={c.var.employer} vacancies={items} total={total} notice={opts.notice ?? null} error={opts.error ?? null} highlightId={opts.highlightId ?? null} />, status);
  };

  /** `?posted=` / `?closed=` name the caller's own vacancy for the notice; anyone else's id (getOwnVacancy's 404) says nothing. */
  const noticeOf = (c: Context<Env>): { notice: string | null; highlightId: number | null } => {
    for (const [param, done, tail] of [
      ['posted', 'Posted', 'Coaches can find it in their searches now.'],
      ['closed', 'Closed', 'It has left coaches’ searches.'],
    ] as const) {
      const id = c.req.query(param);
      if (!id) continue;
      try {
        const v = getOwnVacancy(deps.db, c.var.employer, id);
        return { notice: `${done}: ${v.titleOriginal} (${v.sourceRef}). ${tail}`, highlightId: v.id };
      } catch (err) {
        if (!(err instanceof ProblemError && err.status === 404)) throw err;
      }
    }
    return { notice: null, highlightId: null };
  };

  r.get('/', (c) => renderList(c, noticeOf(c)));

  r.get('/vacancies/new', (c) => sendPage(c, <EmployerVacancyFormPage employer={c.var.employer} values={{}} errors={[]} />));

  r.post('/vacancies', async (c) => {
    const form = readVacancyForm(await c.req.parseBody());
    const checked = checkVacancyForm(deps, c.var.employer, form);
    if (!checked.ok) return sendPage(c, <EmployerVacancyFormPage employer={c.var.employer} values={form} errors={checked.errors} />, 422);
    const result = await submitVacancy(ingestDeps(c), c.var.employer, checked.raw);
    return c.redirect(`/employer?posted=${result.id}#v-${result.id}`, 303);
  });

  r.post('/vacancies/:id/close', (c) => {
    try {
      const v = closeVacancy(ingestDeps(c), c.var.employer, c.req.param('id'));
      return c.redirect(`/employer?closed=${v.id}#v-${v.id}`, 303);
    } catch (err) {
      // Someone else's vacancy, or none: 404, on the employer's own page rather than the coaches' error page.
      if (err instanceof ProblemError && err.status === 404) return renderList(c, { error: 'That vacancy is not one of yours, or it no longer exists. Nothing was changed.' }, 404);
      throw err;
    }
  });

  return r;
}
