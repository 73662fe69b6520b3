/**
 * The development set's two forms: the inline-annotated source we write
 * (`{S:time management}`, one sentence a line) and CoNLL BIO, the format the
 * benchmark corpus of Green, Maynard & Lin (LREC 2022) uses: one token and
 * its tag per line, a blank line between sentences. Each sentence is
 * preceded by `# text = …` so offsets into the original sentence survive.
 */

export const LABELS = ['Skill', 'Qualification', 'Experience', 'Occupation', 'Domain'] as const;
export type Label = (typeof LABELS)[number];
const LETTER: Record<string, Label> = { S: 'Skill', Q: 'Qualification', E: 'Experience', O: 'Occupation', D: 'Domain' };

export interface Span {
  start: number;
  end: number;
  label: Label;
}

export interface Sentence {
  text: string;
  tokens: { text: string; start: number; end: number }[];
  spans: Span[];
}

/** Words (letters/digits with inner ' - . / + # &) and single punctuation marks, with offsets. */
export function tokenize(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’\-/&.](?=[\p{L}\p{N}]))*[+#]*|[^\s\p{L}\p{N}]/gu;
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** One inline-annotated line → the plain sentence and its spans. */
export function parseInline(line: string): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  const re = /\{([SQEOD]):([^{}]+)\}/g;
  let last = 0;
  for (const m of line.matchAll(re)) {
    text += line.slice(last, m.index);
    const start = text.length;
    text += m[2];
    spans.push({ start, end: text.length, label: LETTER[m[1]!]! });
    last = m.index + m[0].length;
  }
  text += line.slice(last);
  if (/[{}]/.test(text)) throw new Error(`unbalanced markup: ${line}`);
  return { text, spans };
}

/** Sentences → CoNLL BIO text. A span must start and end on token edges. */
export function toConll(sentences: { text: string; spans: Span[] }[]): string {
  const blocks: string[] = [];
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    const lines = [`# text = ${s.text}`];
    for (const sp of s.spans) {
      if (!tokens.some((t) => t.start === sp.start) || !tokens.some((t) => t.end === sp.end)) {
        throw new Error(`span "${s.text.slice(sp.start, sp.end)}" does not sit on token edges in: ${s.text}`);
      }
    }
    for (const t of tokens) {
      const sp = s.spans.find((x) => t.start >= x.start && t.end <= x.end);
      lines.push(`${t.text}\t${sp ? `${t.start === sp.start ? 'B' : 'I'}-${sp.label}` : 'O'}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

/**
 * CoNLL BIO → sentences. Without a `# text =` line the sentence is the
 * tokens joined by single spaces. An I- tag after O or another label starts
 * a span (the usual lenient reading).
 */
export function parseConll(content: string): Sentence[] {
  const out: Sentence[] = [];
  for (const block of content.split(/\r?\n\s*\r?\n/)) {
    const lines = block.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    let text: string | null = null;
    const rows: { token: string; tag: string }[] = [];
    for (const l of lines) {
      const m = /^#\s*text\s*=\s?(.*)$/.exec(l);
      if (m) text = m[1]!;
      else if (!l.startsWith('#')) {
        const parts = l.split(/\t| +/);
        rows.push({ token: parts[0]!, tag: parts[parts.length - 1]! });
      }
    }
    if (rows.length === 0) continue;
    const sentenceText = text ?? rows.map((r) => r.token).join(' ');
    const tokens: Sentence['tokens'] = [];
    let at = 0;
    for (const r of rows) {
      const i = sentenceText.indexOf(r.token, at);
      if (i < 0) throw new Error(`token "${r.token}" not found in: ${sentenceText}`);
      tokens.push({ text: r.token, start: i, end: i + r.token.length });
      at = i + r.token.length;
    }
    const spans: Span[] = [];
    let open: Span | null = null;
    rows.forEach((r, k) => {
      const m = /^([BI])-(.+)$/.exec(r.tag);
      const label = m ? (LABELS.find((x) => x.toLowerCase() === m[2]!.toLowerCase()) ?? null) : null;
      if (!m || !label) {
        open = null;
        return;
      }
      if (m[1] === 'I' && open && open.label === label) {
        open.end = tokens[k]!.end;
        return;
      }
      open = { start: tokens[k]!.start, end: tokens[k]!.end, label };
      spans.push(open);
    });
    out.push({ text: sentenceText, tokens, spans });
  }
  return out;
}
