/**
 * What an advert says about the person it wants, as spans of its text, the
 * way people annotate adverts (Green, Maynard & Lin, LREC 2022): skills,
 * and the four things a skill spotter must not mistake for one.
 */
export type MentionKind = 'skill' | 'qualification' | 'experience' | 'occupation' | 'domain';

export interface Mention {
  kind: MentionKind;
  /** Offsets into the text, end exclusive; always on word boundaries. */
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** Skills only: the taxonomy skill the phrase maps to, or null when none fits ("unmapped"). */
  skill: { id: string; label: string } | null;
  /** Lower-cased phrase without leading articles: what an unmapped skill is known by. */
  normalised: string;
  /** Whether the employer requires it (section or sentence cue) rather than merely mentions it. */
  required: boolean;
  /** 0–1: how sure the extractor is that this span is what `kind` says. */
  confidence: number;
}
