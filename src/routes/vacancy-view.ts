import type { Coach } from '../auth/coaches.ts';
import { notFound } from '../errors.ts';
import { FIT_MARGIN, tieBreakWeights } from '../matching/rank.ts';
import { fitOfVacancy } from '../matching/vacancy-fit.ts';
import { vacancyOccupationId } from '../matching/vacancy-needs.ts';
import { withSpanEvidence } from '../matching/span-evidence.ts';
import { mentionExtractorFor } from '../taxonomy/mentions/extract-mentions.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { checkRequirement, describeLicence } from '../participants/licences.ts';
import { auditParticipantRead, loadParticipant, profileOf, type ParticipantDeps } from '../participants/service.ts';
import { toMatchJson, type MatchJson } from './participants/json.ts';
import { findShortlistRowByVacancy } from '../shortlist/store.ts';
import { isClosed } from '../shortlist/vacancy-details.ts';
import type { Vacancy } from '../vacancies/model.ts';
import { sanitise } from '../vacancies/normalise/text.ts';
import { getVacancy, listClusterSources, type ClusterSource } from '../vacancies/queries.ts';

/** What the vacancy page needs: the participant functions' deps (it may read one participant). */
export type VacancyViewDeps = ParticipantDeps;

/** One requirement of the advert, in words. */
export interface VacancyRequirement {
  kind: string;
  /** What satisfies it ("Counterbalance forklift licence"), read the way matching reads it. */
  words: string;
  /** The advert's words it was found in. */
  evidence: string;
}

/** One advert of the job: this vacancy or a duplicate of it on another board or from an agency. */
export interface VacancySource extends ClusterSource {
  /** The advert this page is about (the others are its duplicates). */
  current: boolean;
}

/** Everything the vacancy page shows, shaped for the view (no data fetching in the JSX). */
export interface VacancyView {
  vacancy: Vacancy;
  /** Closed, expired or past its closing date: the page still shows it, marked closed. */
  closed: boolean;
  /** The stored sanitised HTML, sanitised once more on the way out; null when the advert came as text. */
  descriptionHtml: string | null;
  occupationTitle: string | null;
  requirements: VacancyRequirement[];
  /** The skills the advert names, required ones first. */
  skills: { label: string; required: boolean }[];
  /** Every live advert of its duplicate cluster, oldest first; the vacancy itself always among them. */
  sources: VacancySource[];
  /** With ?participant=: who, why it fits them (the match card's explanation) and whether it is on their shortlist. */
  forParticipant: {
    id: number;
    name: string | null;
    reference: string | null;
    fit: MatchJson;
    ranking: { fitMargin: number; tieBreakWeights: { relevance: number; distance: number; recency: number } };
    shortlisted: boolean;
  } | null;
}

/** A requirement in the words matching uses for it (the licence it needs), or the kind's own name where no licence answers it. */
function requirementWords(kind: Vacancy['requirements'][number]['kind'], detail: string | null): string {
  const { needs } = checkRequirement(new Set(), kind, detail);
  if (needs) return describeLicence(needs);
  return kind === 'visa_sponsorship' ? 'Visa sponsorship offered' : kind.replace(/_/g, ' ');
}

/**
 * The sources of its cluster, with the vacancy itself among them even when
 * it is closed (the cluster reader lists live adverts only, and a closed
 * vacancy's own link is still its last known address).
 */
function sourcesOf(deps: Pick<VacancyViewDeps, 'db'>, v: Vacancy): VacancySource[] {
  const cluster = v.clusterId ?? v.id;
  const live = listClusterSources(deps.db, [cluster]).get(cluster) ?? [];
  const own: ClusterSource = { id: v.id, source: v.source, employer: v.employerName, url: v.url, applyUrl: v.applyUrl };
  const all = live.some((s) => s.id === v.id) ? live : [own, ...live];
  return all.map((s) => ({ ...s, current: s.id === v.id }));
}

/**
 * The vacancy page's reads (a page reader like participants/participant-view.ts,
 * here at the HTTP edge because it shapes the fit as the API's match JSON): the vacancy (404 when the store never held
 * it), its cluster's sources, its requirements and skills, and with a
 * participant id their fit, through the same scoring and explanation as
 * their matches list. A participant of another organisation is a 404
 * (loadParticipant), and reading one writes the page's one audit row.
 */
/** The fit's evidence in the advert's own words: its skill spans (span-evidence.ts). */
function withAdvertQuotes(taxonomy: Taxonomy, v: Vacancy, fit: MatchJson): MatchJson {
  const mentions = mentionExtractorFor(taxonomy).extract(v.descriptionText);
  const e = fit.match.explanation;
  return { ...fit, match: { ...fit.match, explanation: { ...e, matched: withSpanEvidence(mentions, e.matched), missing: withSpanEvidence(mentions, e.missing) } } };
}

export function viewVacancy(deps: VacancyViewDeps, coach: Coach, vacancyId: number, participantId: number | null): VacancyView {
  const v = Number.isSafeInteger(vacancyId) && vacancyId > 0 ? getVacancy(deps.db, vacancyId) : null;
  // The participant is checked first so that another organisation's id is refused (and recorded) whatever the vacancy.
  const p = participantId == null ? null : loadParticipant(deps, coach, participantId);
  if (!v) throw notFound('Vacancy');
  const taxonomy = deps.taxonomy();
  const occupationId = vacancyOccupationId(taxonomy, v);
  let forParticipant: VacancyView['forParticipant'] = null;
  if (p) {
    const fit = withAdvertQuotes(taxonomy, v, toMatchJson(fitOfVacancy(deps, p, profileOf(deps, p), v)));
    auditParticipantRead(deps, coach, p, 'participant.viewed', ['vacancy-fit']);
    forParticipant = {
      id: p.id,
      name: p.name,
      reference: p.reference,
      fit,
      ranking: { fitMargin: FIT_MARGIN, tieBreakWeights: tieBreakWeights(false) },
      shortlisted: findShortlistRowByVacancy(deps.db, p.id, v.id) != null,
    };
  }
  return {
    vacancy: v,
    closed: isClosed(v, deps.now()),
    descriptionHtml: v.descriptionHtml ? sanitise(v.descriptionHtml).html : null,
    occupationTitle: occupationId ? (taxonomy.occupations.get(occupationId)?.title ?? null) : null,
    requirements: v.requirements.map((r) => ({ kind: r.kind, words: requirementWords(r.kind, r.detail), evidence: r.evidence })),
    skills: [...v.skills].sort((a, b) => Number(b.required) - Number(a.required)).map((s) => ({ label: s.label, required: s.required })),
    sources: sourcesOf(deps, v),
    forParticipant,
  };
}
