import type { MentionKind } from './mention.ts';
import type { NlpToken } from './nlp-tokens.ts';

/** A span of one sentence's tokens, `from`..`to` inclusive. */
export interface TokenSpan {
  kind: MentionKind;
  from: number;
  to: number;
  confidence: number;
  /** How the span was found (for debugging and tests): 'dictionary', 'verb-phrase', 'cue', … */
  source: string;
}

/** One sentence being read: its tokens and which token already belongs to which span. */
export class SentenceSpans {
  readonly owner: (TokenSpan | null)[];
  readonly spans: TokenSpan[] = [];

  constructor(readonly tokens: NlpToken[]) {
    this.owner = tokens.map(() => null);
  }

  free(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) if (this.owner[k]) return false;
    return true;
  }

  claim(span: TokenSpan): void {
    this.spans.push(span);
    for (let k = span.from; k <= span.to; k++) this.owner[k] = span;
  }

  /** Drops spans of `kind` inside [from, to] (a verb phrase that swallows "the Store Manager"). */
  release(from: number, to: number, kind: MentionKind): void {
    for (let k = from; k <= to; k++) {
      const s = this.owner[k];
      if (s && s.kind === kind) {
        for (let j = s.from; j <= s.to; j++) this.owner[j] = null;
        this.spans.splice(this.spans.indexOf(s), 1);
      }
    }
  }
}

export const isCapitalised = (t: NlpToken) => /^[A-Z]/.test(t.text);
export const isAcronym = (t: NlpToken) => /^[A-Z][A-Z0-9+#&]+s?$/.test(t.text) && /[A-Z].*[A-Z0-9]/.test(t.text);
export const isWord = (t: NlpToken) => /[\p{L}\p{N}]/u.test(t.text);
