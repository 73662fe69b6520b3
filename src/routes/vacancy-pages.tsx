import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { CoachEnv } from '../http/coach-auth.ts';
import { viewVacancy } from './vacancy-view.ts';
import { participantTitle } from '../views/format.ts';
import { sendPage } from '../views/render.ts';
import { VacancyPage } from '../views/vacancy-page.tsx';
import { idOf } from './participants/queries.ts';

/**
 * The vacancy page, a coach page: pages.tsx mounts it under its session and
 * Origin checks. `?participant=` adds why it fits them and the Shortlist
 * button; the button comes back here with `?shortlisted=`.
 */
export function vacancyPageRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.get('/vacancies/:id', (c) => {
    const participant = c.req.query('participant');
    const view = viewVacancy(deps, c.var.coach, idOf(c.req.param('id')), participant ? idOf(participant) : null);
    const notice = view.forParticipant && c.req.query('shortlisted') ? `Added to ${participantTitle(view.forParticipant)}’s shortlist.` : null;
    return sendPage(c, <VacancyPage coach={c.var.coach} view={view} notice={notice} />);
  });
  return r;
}
