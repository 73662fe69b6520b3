import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { FieldError } from '../errors.ts';
import type { CoachEnv } from '../http/coach-auth.ts';
import { safeNext } from '../http/page-session.ts';
import { requestOrigin, originSettingsOf } from '../http/public-origin.ts';
import { loadParticipant, readParticipant } from '../participants/service.ts';
import { findParticipant, type Participant } from '../participants/store.ts';
import { ShareCreateSchema, ShortlistAddSchema, ShortlistChangeSchema } from '../shortlist/schemas.ts';
import { createShareLink, listShareLinks, openShareLink, revokeShareLink } from '../shortlist/shares.ts';
import { addToShortlist, changeShortlistEntry, shortlistOf } from '../shortlist/shortlist.ts';
import { participantTitle } from '../views/format.ts';
import { sendPage } from '../views/render.ts';
import { SharedShortlistPage, ShortlistPage, type ShortlistPageProps } from '../views/shortlist-page.tsx';
import { sendErrorPage } from '../views/error-page.tsx';
import { checkWith, parseOr422 } from './checked.ts';
import { idOf } from './participants/queries.ts';

/** A form body with empty fields dropped: an empty field means "not set" (as the API's absent key). */
async function formBody(c: Context): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string' && v.trim()) out[k] = v;
  return out;
}

/** A local path with one query parameter set (its fragment, if any, kept last). */
function withParam(path: string, key: string, value: string): string {
  const url = new URL(path, 'http://local');
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The shortlist pages: the coach's shortlist page (which is also the
 * printable hand-over) with its forms, and the shared read-only page. The
 * coach paths sit under /participants/*, so pages.tsx's session and Origin
 * checks cover them; /shared/* needs no sign-in, by design. The forms go
 * through the API's schemas and use cases.
 */
export function shortlistPageRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  const origin = originSettingsOf(deps.config);

  const render = (c: Context<CoachEnv>, p: Participant, opts: Partial<Pick<ShortlistPageProps, 'newLink' | 'notice' | 'errors'>> = {}, status = 200) =>
    sendPage(
      c,
      <ShortlistPage
        coach={c.var.coach}
        participant={{ id: p.id, title: participantTitle(p) }}
        entries={shortlistOf(deps, p)}
        links={listShareLinks(deps, p)}
        newLink={opts.newLink ?? null}
        notice={opts.notice ?? null}
        errors={opts.errors ?? null}
      />,
      status,
    );

  r.get('/participants/:id/shortlist', (c) => {
    const p = readParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.shortlist');
    const notice = c.req.query('added') ? 'Added to the shortlist.' : c.req.query('saved') ? 'Saved.' : c.req.query('revoked') ? 'The link was revoked.' : null;
    return render(c, p, { notice });
  });

  // The "Shortlist" button (match cards, search results, the vacancy page). `back` is the page's own
  // field, not the API's: a local path to return to (search results stay in view); else the shortlist opens.
  r.post('/participants/:id/shortlist', async (c) => {
    const p = loadParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.shortlist.add');
    const { back, ...body } = await formBody(c);
    const { entry } = addToShortlist(deps, c.var.coach, p, parseOr422(ShortlistAddSchema, body));
    if (back) return c.redirect(withParam(safeNext(back), 'shortlisted', String(entry.vacancyId)), 303);
    return c.redirect(`/participants/${p.id}/shortlist?added=1#item-${entry.id}`, 303);
  });

  r.post('/participants/:id/shortlist/:itemId{[0-9]+}', async (c) => {
    const p = loadParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.shortlist.change');
    const itemId = idOf(c.req.param('itemId'));
    const checked = checkWith(ShortlistChangeSchema, await formBody(c));
    if (!checked.ok) return render(c, p, { errors: { itemId, errors: checked.errors as FieldError[] } }, 422);
    const entry = changeShortlistEntry(deps, c.var.coach, p, itemId, checked.value);
    return c.redirect(`/participants/${p.id}/shortlist?saved=1#item-${entry.id}`, 303);
  });

  r.post('/participants/:id/shortlist/shares', async (c) => {
    const p = loadParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.share.create');
    const { days } = parseOr422(ShareCreateSchema, await formBody(c));
    const { token } = createShareLink(deps, c.var.coach, p, days);
    // Shown once, on this response: only the token's hash is kept.
    return render(c, p, { newLink: `${requestOrigin(c, origin)}/shared/${token}` }, 201);
  });

  r.post('/participants/:id/shortlist/shares/:shareId{[0-9]+}/revoke', (c) => {
    const p = loadParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.share.revoke');
    revokeShareLink(deps, c.var.coach, p, idOf(c.req.param('shareId')));
    return c.redirect(`/participants/${p.id}/shortlist?revoked=1`, 303);
  });

  r.get('/shared/:token', (c) => {
    const opened = openShareLink(deps, c.req.param('token'));
    const p = opened ? findParticipant(deps.db, opened.org, opened.participantId) : null;
    if (!opened || !p) return sendErrorPage(c, 404, 'Link not found', 'This link does not work: it may have expired or been withdrawn. Ask your coach for a new one.');
    return sendPage(c, <SharedShortlistPage entries={shortlistOf(deps, p)} expiresAt={opened.expiresAt} />);
  });

  return r;
}
