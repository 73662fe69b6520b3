import { DAY_MS } from '../clock.ts';

/**
 * Who on a caseload needs the coach's attention: the one definition the
 * caseload query, its filter and the page's flags all use. Early
 * intervention means acting before barriers build up, so a participant with
 * nothing done for them in two weeks is flagged, and so is someone just
 * added (their first weeks set the pattern).
 *
 * "Activity" is something done for the participant: a change to their
 * profile (creation counts) or to their shortlist. Reading their page is
 * not activity: looking is not acting.
 */
export const NO_ACTIVITY_DAYS = 14;
export const NEWLY_ADDED_DAYS = 7;

export type AttentionFlag = 'no-activity' | 'newly-added';
export const ATTENTION_FLAGS: readonly AttentionFlag[] = ['no-activity', 'newly-added'];

export const ATTENTION_WORDS: Record<AttentionFlag, string> = {
  'no-activity': `No activity for ${NO_ACTIVITY_DAYS}+ days`,
  'newly-added': 'Newly added',
};

/** The instants the flags turn on, for a clock reading `now` (epoch ms): the query compares against these. */
export function attentionCutoffs(now: number): { noActivityBefore: number; newlyAddedSince: number } {
  return { noActivityBefore: now - NO_ACTIVITY_DAYS * DAY_MS, newlyAddedSince: now - NEWLY_ADDED_DAYS * DAY_MS };
}

/** The flags for one participant: their creation time and latest activity (epoch ms). */
export function attentionFlags(now: number, p: { createdAt: number; latestActivityAt: number }): AttentionFlag[] {
  const { noActivityBefore, newlyAddedSince } = attentionCutoffs(now);
  const flags: AttentionFlag[] = [];
  if (p.latestActivityAt <= noActivityBefore) flags.push('no-activity');
  if (p.createdAt >= newlyAddedSince) flags.push('newly-added');
  return flags;
}
