import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import type { ShareLink } from '../shortlist/shares.ts';
import type { ShortlistEntry } from '../shortlist/shortlist.ts';
import { END_REASONS, REASON_WORDS, STAGE_WORDS, STAGES } from '../shortlist/stages.ts';
import { ErrorSummary, fieldErrorFor } from './form-errors.tsx';
import { describeValue, formatDate, formatKm, formatNumber, formatSalary, safeHref } from './format.ts';
import { Layout } from './layout.tsx';
import { vacancyPath } from './vacancy-path.ts';

/**
 * The shortlist to hand over: one block per vacancy with what a
 * participant needs to decide and apply (title, employer, where and how
 * far, pay, hours, closing date, how to apply, the coach's note). The same
 * block serves the coach's page (which prints cleanly: the print stylesheet
 * hides the navigation and the coach's forms) and the shared link.
 */
export const HandoverBlock: FC<{ e: ShortlistEntry; vacancyHref?: string | null }> = ({ e, vacancyHref }) => {
  const v = e.vacancy;
  const apply = safeHref(v.applyUrl);
  const where = [v.place ?? (v.remote === 'remote' ? 'Remote' : null), e.distanceKm != null ? `${formatKm(e.distanceKm)} away` : null].filter(Boolean).join(', ');
  return (
    <>
      <h2 id={`item-${e.id}`}>
        {/* The coach's copy links to the vacancy page; the shared link and the printout have no such page to go to. */}
        {vacancyHref ? <a href={vacancyHref}>{v.title}</a> : v.title}
        {e.closed ? <span class="tag closed"> Closed</span> : null}
      </h2>
      {e.closed ? <p class="small">This vacancy has closed; these are its last known details.</p> : null}
      <dl class="handover">
        <dt>Employer</dt>
        <dd>{v.employer ?? 'Not stated'}</dd>
        <dt>Where</dt>
        <dd>{where || 'Not stated'}</dd>
        <dt>Pay</dt>
        <dd>{formatSalary(v.salary)}</dd>
        <dt>Hours</dt>
        <dd>{[v.hoursPerWeek != null ? `${formatNumber(v.hoursPerWeek, 1)} hours a week` : null, v.contract ? describeValue(v.contract) : null].filter(Boolean).join(', ') || 'Not stated'}</dd>
        <dt>Closing date</dt>
        <dd>{formatDate(v.validThrough) ?? 'Not stated'}</dd>
        <dt>How to apply</dt>
        <dd>{apply ? <a href={apply} rel="noopener noreferrer">{apply}</a> : 'Ask your coach'}</dd>
        {e.note ? (
          <>
            <dt>Note from your coach</dt>
            <dd>{e.note}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
};

const StageForm: FC<{ pid: number; e: ShortlistEntry; errors: readonly FieldError[] }> = ({ pid, e, errors }) => {
  const id = (f: string) => `i${e.id}-${f}`;
  const err = (f: string) => fieldErrorFor(errors, f);
  return (
    <form method="post" action={`/participants/${pid}/shortlist/${e.id}`} class="no-print stage-form">
      <ErrorSummary errors={errors} fieldIds={{ stage: id('stage'), reason: id('reason'), reasonText: id('reasonText'), note: id('note') }} labels={{ stage: 'Stage', reason: 'Reason', reasonText: 'Reason in your words', note: 'Note' }} />
      <div class={`field${err('stage') ? ' invalid' : ''}`}>
        <label for={id('stage')}>Stage</label>
        <select id={id('stage')} name="stage">
          {STAGES.map((s) => (
            <option value={s} selected={s === e.stage}>
              {STAGE_WORDS[s]}
            </option>
          ))}
        </select>
        {err('stage') ? <span class="error-text">{err('stage')}</span> : null}
      </div>
      <div class={`field${err('reason') ? ' invalid' : ''}`}>
        <label for={id('reason')}>
          Reason <span class="hint">Only for declined or withdrawn</span>
        </label>
        <select id={id('reason')} name="reason">
          <option value="">None</option>
          {END_REASONS.map((r) => (
            <option value={r} selected={r === e.reason}>
              {REASON_WORDS[r]}
            </option>
          ))}
        </select>
        {err('reason') ? <span class="error-text">{err('reason')}</span> : null}
      </div>
      <div class={`field${err('reasonText') ? ' invalid' : ''}`}>
        <label for={id('reasonText')}>Reason in your words</label>
        <input id={id('reasonText')} name="reasonText" value={e.reasonText ?? ''} maxlength={500} />
        {err('reasonText') ? <span class="error-text">{err('reasonText')}</span> : null}
      </div>
      <div class={`field${err('note') ? ' invalid' : ''}`}>
        <label for={id('note')}>Note for the participant</label>
        <textarea id={id('note')} name="note" rows={2} maxlength={2000}>
          {e.note ?? ''}
        </textarea>
        {err('note') ? <span class="error-text">{err('note')}</span> : null}
      </div>
      <button type="submit">Save</button>
    </form>
  );
};

export interface ShortlistPageProps {
  coach: { name: string; org: string };
  participant: { id: number; title: string };
  entries: ShortlistEntry[];
  links: ShareLink[];
  /** A link made just now: its full address, shown once. */
  newLink: string | null;
  notice: string | null;
  /** Field errors of one item's stage form. */
  errors: { itemId: number; errors: FieldError[] } | null;
}

/** `/participants/:id/shortlist`: the coach's view (stages, notes, links) that prints as the hand-over. */
export const ShortlistPage: FC<ShortlistPageProps> = ({ coach, participant, entries, links, newLink, notice, errors }) => (
  <Layout title={`Shortlist – ${participant.title}`} coach={coach} section="participants">
    <p class="small no-print">
      <a href={`/participants/${participant.id}`}>← Back to {participant.title}</a>
    </p>
    <h1>Shortlist for {participant.title}</h1>
    {notice ? (
      <p class="notice no-print" role="status">
        {notice}
      </p>
    ) : null}
    <p class="no-print small">Print this page (your browser’s Print) for a participant who is not online: only the vacancies are printed.</p>
    {entries.length ? (
      entries.map((e) => (
        <article class="handover-item" aria-labelledby={`item-${e.id}`}>
          <HandoverBlock e={e} vacancyHref={vacancyPath(e.vacancyId, participant.id)} />
          <p class="no-print">
            Stage: <strong>{STAGE_WORDS[e.stage]}</strong>
            {e.reason ? ` (${REASON_WORDS[e.reason]}${e.reasonText ? `: ${e.reasonText}` : ''})` : ''}
          </p>
          <details class="no-print" open={errors?.itemId === e.id}>
            <summary>Change stage or note</summary>
            <StageForm pid={participant.id} e={e} errors={errors?.itemId === e.id ? errors.errors : []} />
          </details>
          <details class="no-print">
            <summary>History</summary>
            <ul class="small">
              {e.history.map((h) => (
                <li>
                  {formatDate(h.at)}: {h.fromStage ? `${STAGE_WORDS[h.fromStage]} → ` : ''}
                  {STAGE_WORDS[h.stage]}
                  {h.reason ? ` (${REASON_WORDS[h.reason]})` : ''} by coach {h.coachId}
                </li>
              ))}
            </ul>
          </details>
        </article>
      ))
    ) : (
      <p>Nothing shortlisted yet. Use “Shortlist” on a match on the participant’s page.</p>
    )}
    <section class="no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">Share with the participant</h2>
      <p>A read-only link to this shortlist and nothing else about them; no sign-in. It stops working when it expires or you revoke it.</p>
      {newLink ? (
        <p class="notice" role="status">
          New link (copy it now, it is shown only once): <code class="break">{newLink}</code>
        </p>
      ) : null}
      <form method="post" action={`/participants/${participant.id}/shortlist/shares`} class="actions">
        <div class="field">
          <label for="share-days">Works for (days)</label>
          <input id="share-days" name="days" type="number" inputmode="numeric" min={1} max={90} value="14" />
        </div>
        <button type="submit">Make a link</button>
      </form>
      {links.length ? (
        <ul>
          {links.map((l) => (
            <li>
              Made {formatDate(l.createdAt)}, {l.revokedAt != null ? `revoked ${formatDate(l.revokedAt)}` : l.active ? `works until ${formatDate(l.expiresAt)}` : `expired ${formatDate(l.expiresAt)}`}
              {l.active ? (
                <form method="post" action={`/participants/${participant.id}/shortlist/shares/${l.id}/revoke`} class="inline">
                  {' '}
                  <button type="submit" class="secondary">
                    Revoke
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  </Layout>
);

/** `/shared/:token`: the shortlist and nothing else: no name, no reference, no stages, no coach. */
export const SharedShortlistPage: FC<{ entries: ShortlistEntry[]; expiresAt: number }> = ({ entries, expiresAt }) => (
  <Layout title="Your shortlist" coach={null}>
    <h1>Vacancies your coach picked for you</h1>
    <p class="small no-print">This page works until {formatDate(expiresAt)}.</p>
    {entries.length ? (
      entries.map((e) => (
        <article class="handover-item" aria-labelledby={`item-${e.id}`}>
          <HandoverBlock e={e} />
        </article>
      ))
    ) : (
      <p>There is nothing on this shortlist yet.</p>
    )}
  </Layout>
);
