import type { Taxonomy } from '../model.ts';
import { createRequiredLookup } from '../enricher/requirement-context.ts';
import { createPhraseMapper } from './map-phrase.ts';
import type { Mention } from './mention.ts';
import { tokenSentences } from './nlp-tokens.ts';
import { markDomains, markExperience, markOccupations, markQualifications } from './non-skill-spans.ts';
import { SentenceSpans } from './sentence-spans.ts';
import { createSkillDictionary } from './skill-dictionary.ts';
import { markSkills } from './skill-spans.ts';

/**
 * Reads an advert the way people annotate one: skill spans with offsets,
 * each mapped to a taxonomy skill (or "unmapped" with its normalised
 * phrase), required or nice-to-have, with a confidence; and the
 * qualifications, experience lengths, job titles and domains that are not
 * skills, as spans of their own.
 *
 * It tags parts of speech with wink-nlp (about 2–3 ms per kilobyte of text),
 * so it serves the places that show spans (the CLI, evaluations,
 * explanations) rather than the bulk normalise path, which keeps the
 * dictionary spotter.
 */
export interface MentionExtractor {
  extract(text: string): Mention[];
}

const extractors = new WeakMap<Taxonomy, MentionExtractor>();

/** One extractor per taxonomy snapshot (its dictionary and phrase mapper take a while to build). */
export function mentionExtractorFor(taxonomy: Taxonomy): MentionExtractor {
  let e = extractors.get(taxonomy);
  if (!e) extractors.set(taxonomy, (e = createMentionExtractor(taxonomy)));
  return e;
}

export function createMentionExtractor(taxonomy: Taxonomy): MentionExtractor {
  const dictionary = createSkillDictionary(taxonomy);
  const mapper = createPhraseMapper(taxonomy);
  return {
    extract(text) {
      if (typeof text !== 'string' || text.trim() === '') return [];
      const isRequired = createRequiredLookup(text);
      const out: Mention[] = [];
      for (const tokens of tokenSentences(text)) {
        const s = new SentenceSpans(tokens);
        markExperience(s, text);
        markQualifications(s);
        markOccupations(s);
        markDomains(s);
        markSkills(s, dictionary);
        for (const span of s.spans) {
          const { start, end } = snapToWords(text, tokens[span.from]!.start, tokens[span.to]!.end);
          if (end <= start) continue;
          const phrase = text.slice(start, end);
          const normalised = phrase.toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/\s+/g, ' ');
          let skill: Mention['skill'] = null;
          let confidence = span.confidence;
          if (span.kind === 'skill') {
            const m = mapper.map(phrase);
            if (m) {
              skill = { id: m.skill.id, label: m.skill.label };
              confidence = Math.min(0.95, confidence + (m.exact ? 0.1 : 0.05));
            }
          }
          out.push({ kind: span.kind, start, end, text: phrase, skill, normalised, required: isRequired(start), confidence: Math.round(confidence * 100) / 100 });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);

/**
 * Spans start and end on word boundaries even where the tagger cut inside a
 * word ("ca|n't"): widened to the whole words, clamped to the text.
 */
function snapToWords(text: string, from: number, to: number): { start: number; end: number } {
  let start = Math.max(0, Math.min(from, text.length));
  let end = Math.max(start, Math.min(to, text.length));
  while (start > 0 && isWordChar(text[start - 1]) && isWordChar(text[start])) start--;
  while (end < text.length && isWordChar(text[end]) && isWordChar(text[end - 1])) end++;
  return { start, end };
}
