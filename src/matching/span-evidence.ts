import type { Mention } from '../taxonomy/mentions/mention.ts';
import { isOccupationEvidence } from './vacancy-needs.ts';

/** Longest quote an explanation shows: a span longer than this is a sentence, not a skill. */
export const MAX_QUOTE_CHARS = 120;

/**
 * The advert's own words for each need (issue 15): the skill span the
 * mention extractor reads where the dictionary spotter only found a label
 * ("stock rotation" becomes "stock rotation and replenishment"). A need
 * keeps the spotter's evidence when no skill span maps to its skill or
 * contains that evidence, and when the evidence is not advert text
 * ("required by occupation …"). The extractor tags parts of speech (a few
 * ms per advert), so this serves one advert's page, not the ranking.
 */
export function withSpanEvidence<T extends { skillId: string; evidence: string }>(mentions: readonly Mention[], needs: readonly T[]): T[] {
  const spans = mentions.filter((m) => m.kind === 'skill' && m.text.length <= MAX_QUOTE_CHARS);
  return needs.map((need) => {
    if (isOccupationEvidence(need.evidence)) return need;
    const said = need.evidence.toLowerCase();
    const quote = longest(spans.filter((m) => m.skill?.id === need.skillId && m.text.toLowerCase().includes(said)))
      ?? longest(spans.filter((m) => m.text.toLowerCase().includes(said)))
      ?? longest(spans.filter((m) => m.skill?.id === need.skillId));
    return quote && quote.text !== need.evidence ? { ...need, evidence: quote.text } : need;
  });
}

function longest(ms: readonly Mention[]): Mention | undefined {
  let best: Mention | undefined;
  for (const m of ms) if (!best || m.text.length > best.text.length) best = m;
  return best;
}
