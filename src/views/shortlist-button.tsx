import type { FC } from 'hono/jsx';

/**
 * The "Shortlist" button: a plain form POST to the participant's shortlist
 * (the route the API's schema checks), or, once the vacancy is on it, a
 * link to the shortlist instead. Match cards, search results and the
 * vacancy page all use this one. `back` is a local path to return to after
 * adding (a search keeps its results); without it the shortlist opens.
 */
export const ShortlistButton: FC<{ participantId: number; vacancyId: number; title: string; shortlisted: boolean; back?: string | null }> = ({
  participantId,
  vacancyId,
  title,
  shortlisted,
  back,
}) =>
  shortlisted ? (
    <p class="small">
      <span class="ok">✓</span> On the <a href={`/participants/${participantId}/shortlist`}>shortlist</a>
    </p>
  ) : (
    <form method="post" action={`/participants/${participantId}/shortlist`} class="shortlist-add">
      <input type="hidden" name="vacancyId" value={String(vacancyId)} />
      {back ? <input type="hidden" name="back" value={back} /> : null}
      <button type="submit" class="secondary" aria-label={`Shortlist ${title}`}>
        Shortlist
      </button>
    </form>
  );
