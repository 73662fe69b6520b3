import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { CoachEnv } from '../http/coach-auth.ts';
import { pageSession, safeNext, sameOriginPosts, sessionCoach, signIn, signOut, type PageAuthDeps } from '../http/page-session.ts';
import { createSigninThrottle } from '../auth/signin-throttle.ts';
import { originSettingsOf } from '../http/public-origin.ts';
import type { Checked, FieldError } from '../errors.ts';
import { createParticipant, eraseParticipant, listCaseload, loadParticipant, readParticipant, updateParticipant, type PreparedParticipant } from '../participants/service.ts';
import { sectorTrends, type TrendsResult } from '../pivots/sector-trends.ts';
import { toParticipantJson } from './participants/json.ts';
import { viewParticipant } from './participants/participant-view.ts';
import { CaseloadQuerySchema, idOf, readMatchesQuery, readParticipantBody } from './participants/queries.ts';
import { checkWith } from './checked.ts';
import { toCaseloadRow } from './participants/caseload-row.ts';
import { viewSearchPage } from './search-page-view.ts';
import { readTrendsQuery } from './sectors.ts';
import { shortlistPageRoutes } from './shortlist-pages.tsx';
import { vacancyPageRoutes } from './vacancy-pages.tsx';
import {
  formPathOf,
  historyLinesOf,
  participantBodyFromForm,
  participantFormFromJson,
  readParticipantForm,
  type ParticipantForm,
} from '../views/participant-form-data.ts';
import { MATCH_FIELDS, type MatchForm } from '../views/participant-matches.tsx';
import { EditParticipantPage, ParticipantPage } from '../views/participant-page.tsx';
import { formSuggestions } from '../taxonomy/form-suggestions.ts';
import { ErasePage, ParticipantsPage, type CaseloadFilters } from '../views/participants-page.tsx';
import { SectorsPage } from '../views/sectors-page.tsx';
import { SEARCH_FIELDS, SearchPage, type SearchForm } from '../views/search-page.tsx';
import { SigninPage } from '../views/signin-page.tsx';
import { sendPage } from '../views/render.ts';

/**
 * The coach pages: server-rendered HTML over the same plain functions the
 * JSON API calls (never HTTP to itself). Plain links and forms; no scripts.
 * Signed-out requests are sent to /signin; every POST is Origin-checked.
 */

/** Query parameters of a form, with empty fields dropped (an empty field means "not set", not an invalid value). */
function formValues<K extends string>(c: Context, fields: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const f of fields) {
    const v = c.req.query(f)?.trim();
    if (v) out[f] = v;
  }
  return out;
}

/**
 * A participant form → a participant ready to store, or every problem at
 * once in the form's terms: the form's own reading (a number or history
 * line it cannot read) and the API's schema and resolution over the rest
 * (`skills.add.1` → `skillsAdd.1`), so the form accepts what the API does.
 */
function checkParticipantForm(deps: AppDeps, form: ParticipantForm, mode: 'create' | 'update'): Checked<PreparedParticipant> {
  const { body, errors } = participantBodyFromForm(form, mode);
  const checked = readParticipantBody(deps, body);
  if (checked.ok && !errors.length) return checked;
  const map = historyLinesOf(form);
  return { ok: false, errors: [...errors, ...(checked.ok ? [] : checked.errors.map((e) => ({ ...e, path: formPathOf(e.path, map) })))] };
}

/** Rows per caseload page; more than this and the page links take over. */
const CASELOAD_PAGE_SIZE = 50;

export function pageRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  const auth: PageAuthDeps = { db: deps.db, now: deps.now, origin: originSettingsOf(deps.config), throttle: createSigninThrottle({ now: deps.now }) };
  // Page paths only: middleware on '*' here would also run for the API's paths.
  const pagePaths = ['/', '/participants', '/participants/*', '/sectors', '/vacancies/*'];
  // Every page POST is Origin-checked first, before any session is looked at.
  for (const path of [...pagePaths, '/signin', '/signout']) r.use(path, sameOriginPosts(auth.origin));
  for (const path of pagePaths) r.use(path, pageSession(auth));

  r.get('/signin', (c) => {
    const next = safeNext(c.req.query('next'));
    if (sessionCoach(c, auth)) return c.redirect(next, 303);
    return sendPage(c, <SigninPage next={next} notice={c.req.query('signedout') ? 'You have signed out.' : null} />);
  });

  r.post('/signin', async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(typeof body['next'] === 'string' ? body['next'] : null);
    const token = typeof body['token'] === 'string' ? body['token'] : '';
    const result = signIn(c, auth, token);
    if (result.ok) return c.redirect(next, 303);
    if (result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return sendPage(c, <SigninPage next={next} error={`Too many failed sign-ins from here. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.`} />, 429);
    }
    return sendPage(c, <SigninPage next={next} error="That token was not recognised. Check you pasted all of it, or ask your operator for a new one." />, 401);
  });

  r.get('/signout', (c) => c.redirect('/signin', 303));
  r.post('/signout', (c) => {
    signOut(c, auth);
    return c.redirect('/signin?signedout=1', 303);
  });

  r.get('/', async (c) => {
    const requested: SearchForm = formValues(c, SEARCH_FIELDS);
    // Near sent empty is the coach clearing it (everywhere), not "not given" (a participant's area).
    if (c.req.query('near') !== undefined) requested.near ??= '';
    const view = await viewSearchPage(deps, c.var.coach, requested);
    const notice = view.forParticipant && c.req.query('shortlisted') ? `Added to ${view.forParticipant.title}’s shortlist.` : null;
    return sendPage(c, <SearchPage coach={c.var.coach} form={view.form} view={view} notice={notice} />, view.errors.length ? 422 : 200);
  });

  // ---- participants -------------------------------------------------------

  const renderParticipants = (c: Context<CoachEnv>, opts: { form?: ParticipantForm; errors?: FieldError[]; notice?: string | null }, status = 200) => {
    const query = checkWith(CaseloadQuerySchema, c.req.query());
    const q = query.ok ? query.value : CaseloadQuerySchema.parse({});
    const filters: CaseloadFilters = { sort: q.sort, stage: q.stage ?? null, flag: q.flag ?? null, q: q.q || null };
    const res = listCaseload(deps, c.var.coach, { ...filters, page: q.page, pageSize: CASELOAD_PAGE_SIZE });
    const list = { ...res, items: res.items.map((p) => toCaseloadRow(deps.taxonomy(), p)) };
    const filterErrors = query.ok ? [] : query.errors;
    return sendPage(
      c,
      <ParticipantsPage
        coach={c.var.coach}
        list={list}
        filters={filters}
        filterErrors={filterErrors}
        form={opts.form ?? {}}
        errors={opts.errors ?? []}
        suggestions={formSuggestions(deps.taxonomy())}
        notice={opts.notice ?? null}
      />,
      filterErrors.length && status === 200 ? 422 : status,
    );
  };

  r.get('/participants', (c) => renderParticipants(c, { notice: c.req.query('erased') ? 'The participant was erased.' : null }));

  r.post('/participants', async (c) => {
    const form = readParticipantForm(await c.req.parseBody({ all: true }));
    const prepared = checkParticipantForm(deps, form, 'create');
    if (!prepared.ok) return renderParticipants(c, { form, errors: prepared.errors }, 422);
    const p = createParticipant(deps, c.var.coach, prepared.value);
    return c.redirect(`/participants/${p.id}?created=1`, 303);
  });

  const renderParticipant = async (
    c: Context<CoachEnv>,
    id: number,
    opts: { editForm?: ParticipantForm; editErrors?: FieldError[]; notice?: string | null },
    status = 200,
  ) => {
    const coach = c.var.coach;
    const matchForm: MatchForm = formValues(c, MATCH_FIELDS);
    const view = await viewParticipant(deps, coach, id, matchForm);
    return sendPage(
      c,
      <ParticipantPage
        coach={coach}
        participant={view.participant}
        matches={view.matches}
        matchForm={matchForm}
        matchErrors={view.matchErrors}
        transitions={view.transitions}
        pivots={view.pivots}
        shortlisted={view.shortlisted}
        editForm={opts.editForm ?? participantFormFromJson(view.participant)}
        editErrors={opts.editErrors ?? []}
        suggestions={formSuggestions(deps.taxonomy())}
        notice={opts.notice ?? null}
      />,
      status,
    );
  };

  r.get('/participants/:id', (c) => {
    const notice = c.req.query('created') ? 'Participant added.' : c.req.query('saved') ? 'Changes saved.' : null;
    return renderParticipant(c, idOf(c.req.param('id')), { notice });
  });

  /**
   * An edit's form → the participant saved, or the form's field errors (all
   * at once: the form's own reading first, then the API's checks), with
   * someone else's participant a 404 whatever the form says.
   */
  const saveEdit = async (c: Context<CoachEnv>, id: number): Promise<{ ok: true } | { ok: false; form: ParticipantForm; errors: FieldError[] }> => {
    const form = readParticipantForm(await c.req.parseBody({ all: true }));
    loadParticipant(deps, c.var.coach, id, 'participant.update');
    const prepared = checkParticipantForm(deps, form, 'update');
    if (!prepared.ok) return { ok: false, form, errors: prepared.errors };
    updateParticipant(deps, c.var.coach, id, prepared.value);
    return { ok: true };
  };

  // The participant page's own edit form posts here too (older links and bookmarks).
  r.post('/participants/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    const saved = await saveEdit(c, id);
    if (!saved.ok) return renderParticipant(c, id, { editForm: saved.form, editErrors: saved.errors }, 422);
    return c.redirect(`/participants/${id}?saved=1`, 303);
  });

  const renderEdit = (c: Context<CoachEnv>, id: number, edit: { form: ParticipantForm; errors: FieldError[] } | null, status = 200) => {
    const p = readParticipant(deps, c.var.coach, id, 'participant.read', ['profile']);
    const json = toParticipantJson(deps.taxonomy(), p);
    return sendPage(
      c,
      <EditParticipantPage
        coach={c.var.coach}
        participant={json}
        form={edit?.form ?? participantFormFromJson(json)}
        errors={edit?.errors ?? []}
        suggestions={formSuggestions(deps.taxonomy())}
      />,
      status,
    );
  };

  r.get('/participants/:id/edit', (c) => renderEdit(c, idOf(c.req.param('id')), null));

  r.post('/participants/:id/edit', async (c) => {
    const id = idOf(c.req.param('id'));
    const saved = await saveEdit(c, id);
    if (!saved.ok) return renderEdit(c, id, saved, 422);
    return c.redirect(`/participants/${id}?saved=1`, 303);
  });

  r.get('/participants/:id/erase', (c) => {
    const p = readParticipant(deps, c.var.coach, idOf(c.req.param('id')));
    return sendPage(c, <ErasePage coach={c.var.coach} participant={toParticipantJson(deps.taxonomy(), p)} />);
  });

  r.post('/participants/:id/erase', (c) => {
    eraseParticipant(deps, c.var.coach, idOf(c.req.param('id')));
    return c.redirect('/participants?erased=1', 303);
  });

  // The shortlist pages (under /participants/*, so the checks above cover them) and the shared link.
  r.route('/', shortlistPageRoutes(deps));

  // The vacancy page (under /vacancies/*, covered by the checks above).
  r.route('/', vacancyPageRoutes(deps));

  // ---- sectors ------------------------------------------------------------

  r.get('/sectors', (c) => {
    const area = c.req.query('area')?.trim() || 'all';
    const query = readTrendsQuery(deps, { area });
    const trends: TrendsResult | null = query.ok ? sectorTrends(deps, query.value) : null;
    const errors: FieldError[] = query.ok ? [] : query.errors;
    return sendPage(c, <SectorsPage coach={c.var.coach} area={area} trends={trends} errors={errors} />, errors.length ? 422 : 200);
  });

  return r;
}
