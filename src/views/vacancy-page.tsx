import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { VacancySource, VacancyView } from '../routes/vacancy-view.ts';
import { describePlace, describeValue, formatDate, formatKm, formatNumber, formatPercent, formatSalary, participantTitle, safeHref, sectorTitle } from './format.ts';
import { Layout } from './layout.tsx';
import { MatchExplanation } from './match-explanation.tsx';
import { ShortlistButton } from './shortlist-button.tsx';
import { vacancyPath } from './vacancy-path.ts';

export interface VacancyPageProps {
  coach: { name: string; org: string };
  view: VacancyView;
  notice: string | null;
}

/** A link's host, so each source's links say where they lead ("Apply at jobs.example.org"). */
function hostOf(href: string): string {
  return new URL(href).hostname.replace(/^www\./, '');
}

const SourceItem: FC<{ s: VacancySource }> = ({ s }) => {
  const apply = safeHref(s.applyUrl);
  const advert = safeHref(s.url);
  return (
    <li>
      <strong>{s.employer ?? 'Employer not stated'}</strong> <span class="muted small">({s.source}{s.current ? ', this advert' : ''})</span>
      <br />
      {apply ? (
        <a href={apply} rel="noopener noreferrer" class="break">
          Apply at {hostOf(apply)}
        </a>
      ) : (
        <span class="muted">No apply link</span>
      )}
      {advert && advert !== apply ? (
        <>
          {' · '}
          <a href={advert} rel="noopener noreferrer" class="break">
            Advert at {hostOf(advert)}
          </a>
        </>
      ) : null}
    </li>
  );
};

/** The advert's own words: its sanitised HTML (sanitised again by the view model), else its text, paragraph by paragraph. */
const Description: FC<{ html: string | null; text: string }> = ({ html, text }) =>
  html ? (
    <div class="description">{raw(html)}</div>
  ) : (
    <div class="description">
      {text
        .split(/\n\s*\n/)
        .filter((para) => para.trim())
        .map((para) => (
          <p class="pre-line">{para.trim()}</p>
        ))}
    </div>
  );

/**
 * `/vacancies/:id`: one vacancy in full (description, terms, requirements,
 * every advert of it with their apply links) and, for a chosen participant,
 * why it fits them and a Shortlist button. A closed vacancy still shows,
 * marked closed, with its last known details.
 */
export const VacancyPage: FC<VacancyPageProps> = ({ coach, view, notice }) => {
  const v = view.vacancy;
  const fp = view.forParticipant;
  const who = fp ? participantTitle(fp) : null;
  const places = [v.location, ...v.extraLocations].filter((p) => p != null).map(describePlace);
  const where = [places.join('; ') || null, v.remote && v.remote !== 'onsite' ? describeValue(v.remote) : null].filter(Boolean).join(' · ');
  const hours = [
    v.hoursPerWeek != null ? `${formatNumber(v.hoursPerWeek, 1)} hours a week` : null,
    v.employmentType ? describeValue(v.employmentType) : null,
    v.shifts.length ? v.shifts.map(describeValue).join(', ') : null,
  ].filter(Boolean);
  const employer = v.endEmployerName && v.endEmployerName !== v.employerName ? `${v.endEmployerName} (advertised by ${v.employerName ?? 'an agency'})` : v.employerName;
  return (
    <Layout title={v.title} coach={coach} section={fp ? 'participants' : 'search'}>
      <p class="small">
        {fp ? <a href={`/participants/${fp.id}#matches`}>← Back to {who}</a> : <a href="/">← Vacancy search</a>}
      </p>
      <h1>
        {v.title}
        {view.closed ? <span class="tag closed"> Closed</span> : null}
        {v.isDemo ? <span class="tag"> demo</span> : null}
      </h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {view.closed ? (
        <p>
          <strong>This vacancy has closed</strong>
          {v.closedAt != null ? ` (${formatDate(v.closedAt)})` : v.validThrough != null ? ` (closing date ${formatDate(v.validThrough)})` : ''}; these are its last known details.
        </p>
      ) : null}
      <dl class="handover">
        <dt>Employer</dt>
        <dd>{employer ?? 'Not stated'}</dd>
        <dt>Where</dt>
        <dd>
          {where || 'Not stated'}
          {fp?.fit.distanceKm != null ? `, ${formatKm(fp.fit.distanceKm)} from ${who}` : ''}
        </dd>
        <dt>Pay</dt>
        <dd>{formatSalary(v.salary)}</dd>
        <dt>Hours</dt>
        <dd>{hours.join(' · ') || 'Not stated'}</dd>
        <dt>Contract</dt>
        <dd>{v.contract ? describeValue(v.contract) : 'Not stated'}</dd>
        <dt>Posted</dt>
        <dd>{formatDate(v.datePosted ?? v.firstSeen)}</dd>
        <dt>Closing date</dt>
        <dd>{formatDate(v.validThrough) ?? 'Not stated'}</dd>
        {v.sector ? (
          <>
            <dt>Sector</dt>
            <dd>{sectorTitle(v.sector.code)}</dd>
          </>
        ) : null}
        {view.occupationTitle ? (
          <>
            <dt>Occupation</dt>
            <dd>{view.occupationTitle}</dd>
          </>
        ) : null}
      </dl>

      {fp ? (
        <section aria-labelledby="fit-heading">
          <h2 id="fit-heading">For {who}</h2>
          <p>
            <span class="score">{fp.fit.match.coverage == null ? 'fit ?' : `${formatPercent(fp.fit.components.match)} fit`}</span>{' '}
            {fp.fit.components.conditions < 1 ? <span class="gap small">Not everything they asked for: see their preferences below.</span> : null}
          </p>
          {fp.fit.stepUp.steps.length ? (
            <p class="gap small" data-step-up>A step up for them: {fp.fit.stepUp.steps.map((x) => x.words).join('; ')}</p>
          ) : null}
          {view.closed ? (
            fp.shortlisted ? (
              <ShortlistButton participantId={fp.id} vacancyId={v.id} title={v.title} shortlisted={true} />
            ) : (
              <p class="small">Closed vacancies cannot be shortlisted.</p>
            )
          ) : (
            <ShortlistButton participantId={fp.id} vacancyId={v.id} title={v.title} shortlisted={fp.shortlisted} back={vacancyPath(v.id, fp.id)} />
          )}
          <MatchExplanation m={fp.fit} open={true} ranking={fp.ranking} inList={false} />
        </section>
      ) : null}

      <section aria-labelledby="apply-heading">
        <h2 id="apply-heading">How to apply</h2>
        {view.sources.length > 1 ? <p class="small">This job is advertised in {view.sources.length} places; any of them reaches the same vacancy.</p> : null}
        <ul class="sources">
          {view.sources.map((s) => (
            <SourceItem s={s} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="requirements-heading">
        <h2 id="requirements-heading">Requirements</h2>
        {view.requirements.length ? (
          <ul>
            {view.requirements.map((r) => (
              <li>
                {r.words} <span class="small muted">(advert: “{r.evidence}”)</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No licences, checks or cards stated.</p>
        )}
        {view.skills.length ? (
          <>
            <h3>Skills the advert names</h3>
            <ul class="skills">
              {view.skills.map((s) => (
                <li>
                  {s.label}
                  {s.required ? <span class="small muted"> (required)</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="description-heading">
        <h2 id="description-heading">Description</h2>
        <Description html={view.descriptionHtml} text={v.descriptionText} />
      </section>
    </Layout>
  );
};
