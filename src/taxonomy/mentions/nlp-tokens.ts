import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { stemWord } from '../text.ts';

/**
 * Tokens with part of speech, from wink-nlp and its English lite web model
 * (the model ships inside the npm package and loads offline). wink's tokens
 * rebuild the text exactly (value + preceding spaces), so every token keeps
 * its offsets into the original text.
 */
export interface NlpToken {
  text: string;
  lower: string;
  stem: string;
  /** Universal POS tag: NOUN, PROPN, VERB, ADJ, ADP, DET, CCONJ, PUNCT, NUM, SPACE… */
  pos: string;
  start: number;
  end: number;
}

let nlp: ReturnType<typeof winkNLP> | null = null;

/** Loaded on first use: about 1 s and a few tens of MB, paid only by callers that want spans. */
function getNlp(): ReturnType<typeof winkNLP> {
  return (nlp ??= winkNLP(model));
}

/** The text's sentences as token lists; a line break or . ! ? ; ends a sentence. */
export function tokenSentences(text: string): NlpToken[][] {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const sentences: NlpToken[][] = [];
  let current: NlpToken[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (spaces[i]!.includes('\n') && current.length) {
      sentences.push(current);
      current = [];
    }
    at += spaces[i]!.length;
    // wink's values rebuild the text; should one ever not, find it rather than drift.
    let start = text.startsWith(value, at) ? at : text.indexOf(value, at);
    if (start < 0) start = at;
    const end = start + value.length;
    at = end;
    const tag = pos[i]!;
    if (tag === 'SPACE' || /^\s+$/.test(value)) {
      if (value.includes('\n')) {
        if (current.length) sentences.push(current);
        current = [];
      }
      continue;
    }
    const lower = value.toLowerCase();
    current.push({ text: value, lower, stem: stemWord(value), pos: tag, start, end });
    if (tag === 'PUNCT' && /^[.!?;]$/.test(value)) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length) sentences.push(current);
  return sentences;
}
