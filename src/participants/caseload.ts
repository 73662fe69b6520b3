import type { Db } from '../db.ts';
import { STAGES, type Stage } from '../shortlist/stages.ts';
import { attentionCutoffs, attentionFlags, type AttentionFlag } from './attention.ts';

/**
 * The caseload: an organisation's participants, each with their latest
 * activity, shortlist counts by stage and attention flags, a page at a time.
 * One SQL statement per page, however many participants it shows (the
 * counts and latest activity are grouped subqueries joined once, and the
 * total rides along as a window count), so the page never does N+1 reads.
 */

export const CASELOAD_SORTS = ['activity', 'name', 'added'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export interface CaseloadOptions {
  /** activity: latest activity, oldest first (who has waited longest comes first); name: A–Z; added: newest first. */
  sort: CaseloadSort;
  /** Only participants with at least one shortlisted vacancy at this stage. */
  stage: Stage | null;
  /** Only participants carrying this flag. */
  flag: AttentionFlag | null;
  /** Part of a name or reference, case-insensitive. */
  q: string | null;
  page: number;
  pageSize: number;
}

export interface CaseloadEntry {
  id: number;
  name: string | null;
  reference: string | null;
  locationText: string | null;
  /** Most recent job's title as typed, else its occupation id (the edge names it from the taxonomy). */
  lastJobTitle: string | null;
  lastJobOccupationId: string | null;
  createdAt: number;
  latestActivityAt: number;
  /** Shortlisted vacancies per stage (stages with none are 0). */
  stageCounts: Record<Stage, number>;
  shortlisted: number;
  flags: AttentionFlag[];
}

export interface Caseload {
  items: CaseloadEntry[];
  total: number;
  page: number;
  pageSize: number;
}

const ORDER: Record<CaseloadSort, string> = {
  activity: 'latest_activity ASC, p.id ASC',
  name: "LOWER(COALESCE(p.name, p.reference, '')) ASC, p.id ASC",
  added: 'p.created_at DESC, p.id DESC',
};

const stageColumns = STAGES.map((s, i) => `SUM(stage = '${s}') AS s${i}`).join(', ');

const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function readCaseload(db: Db, org: string, now: number, opts: CaseloadOptions): Caseload {
  const { noActivityBefore, newlyAddedSince } = attentionCutoffs(now);
  const where: string[] = ['p.org = @org'];
  const params: Record<string, unknown> = { org, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize };
  if (opts.q) {
    where.push("(p.name LIKE @q ESCAPE '\\' OR p.reference LIKE @q ESCAPE '\\')");
    params['q'] = likeEscaped(opts.q);
  }
  if (opts.stage) {
    where.push('EXISTS (SELECT 1 FROM shortlist_items f WHERE f.participant_id = p.id AND f.stage = @stage)');
    params['stage'] = opts.stage;
  }
  if (opts.flag === 'no-activity') {
    where.push('MAX(p.updated_at, COALESCE(ev.last_at, 0)) <= @noActivityBefore');
    params['noActivityBefore'] = noActivityBefore;
  } else if (opts.flag === 'newly-added') {
    where.push('p.created_at >= @newlyAddedSince');
    params['newlyAddedSince'] = newlyAddedSince;
  }
  const sql = `
    SELECT p.id, p.name, p.reference, p.location_text, p.created_at,
           MAX(p.updated_at, COALESCE(ev.last_at, 0)) AS latest_activity,
           (SELECT h.title FROM participant_history h WHERE h.participant_id = p.id ORDER BY h.position LIMIT 1) AS last_job_title,
           (SELECT h.occupation_id FROM participant_history h WHERE h.participant_id = p.id ORDER BY h.position LIMIT 1) AS last_job_occupation,
           ${STAGES.map((_, i) => `COALESCE(sc.s${i}, 0) AS s${i}`).join(', ')},
           COUNT(*) OVER () AS total
    FROM participants p
    LEFT JOIN (SELECT participant_id, MAX(at) AS last_at FROM shortlist_events
               WHERE participant_id IN (SELECT id FROM participants WHERE org = @org) GROUP BY participant_id) ev
           ON ev.participant_id = p.id
    LEFT JOIN (SELECT participant_id, ${stageColumns} FROM shortlist_items
               WHERE participant_id IN (SELECT id FROM participants WHERE org = @org) GROUP BY participant_id) sc
           ON sc.participant_id = p.id
    WHERE ${where.join(' AND ')}
    ORDER BY ${ORDER[opts.sort]}
    LIMIT @limit OFFSET @offset`;
  const rows = db.$client.prepare(sql).all(params) as Record<string, unknown>[];
  const items = rows.map((r): CaseloadEntry => {
    const stageCounts = Object.fromEntries(STAGES.map((s, i) => [s, Number(r[`s${i}`] ?? 0)])) as Record<Stage, number>;
    const createdAt = Number(r['created_at']);
    const latestActivityAt = Number(r['latest_activity']);
    return {
      id: Number(r['id']),
      name: (r['name'] as string | null) ?? null,
      reference: (r['reference'] as string | null) ?? null,
      locationText: (r['location_text'] as string | null) ?? null,
      lastJobTitle: (r['last_job_title'] as string | null) ?? null,
      lastJobOccupationId: (r['last_job_occupation'] as string | null) ?? null,
      createdAt,
      latestActivityAt,
      stageCounts,
      shortlisted: Object.values(stageCounts).reduce((a, b) => a + b, 0),
      flags: attentionFlags(now, { createdAt, latestActivityAt }),
    };
  });
  return { items, total: rows.length ? Number(rows[0]!['total']) : 0, page: opts.page, pageSize: opts.pageSize };
}
