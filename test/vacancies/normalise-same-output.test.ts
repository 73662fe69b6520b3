import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTerms } from '../../src/vacancies/normalise/terms.ts';
import { isJsSpace, tidyText } from '../../src/vacancies/normalise/text.ts';

/**
 * The speed rewrites of normalisation steps (issue 15) must give what the
 * plainer versions they replaced gave: each is checked here against that
 * version, kept as the reference, on generated text made of the pieces its
 * branches turn on.
 */

const ODD_SPACE = /[\u00a0\u2007\u202f\t\f\v]/;
const ZERO_WIDTH = /[\u200b\u200c\u200d\ufeff]/;
const RARE_CHARS = new RegExp(`[\\r${ODD_SPACE.source.slice(1, -1)}${ZERO_WIDTH.source.slice(1, -1)}]`);
const RARE_G = new RegExp(`\\r\\n?|${RARE_CHARS.source}`, 'g');
const BULLET_RE = /^\s*(?:[•·▪●◦‣∙*]|-(?=\s)|–(?=\s))\s*/;

/** tidyText as it was (split into lines, trim each, join), word for word. */
function referenceTidyText(s: string): string {
  let t = s;
  // Line breaks to \n, odd spaces to spaces, zero-width characters out: one scan finds whether any is
  // there, one replace mends them all (each class scan costs ~3 us on a 2.5 KB advert).
  if (RARE_CHARS.test(t)) t = t.replace(RARE_G, (c) => (c === '\r' || c === '\r\n' ? '\n' : ZERO_WIDTH.test(c) ? '' : ' '));
  const lines = t.split('\n');
  const out: string[] = [];
  let blank = false;
  for (const raw of lines) {
    let line = raw.includes('  ') ? raw.replace(/ {2,}/g, ' ').trim() : raw.trim();
    if (!line || line === '•') {
      blank = out.length > 0;
      continue;
    }
    // The line is trimmed, so only these first characters can start a bullet (a regex test per line saved).
    const c0 = line.charCodeAt(0);
    // "• text", as sanitise writes list items, is already what the bullet rewrite would make of it.
    const canonicalBullet = c0 === 0x2022 && line.charCodeAt(1) === 32 && line.length > 2 && !isJsSpace(line.charCodeAt(2));
    if (canonicalBullet || ((c0 === 42 || c0 === 45 || c0 >= 0xb7) && BULLET_RE.test(line))) {
      if (!canonicalBullet) line = '• ' + line.replace(BULLET_RE, '');
      if (line === '• ') continue;
      // Consecutive list items stay together, without a blank line between.
      if (blank && out.length && out[out.length - 1]!.startsWith('• ')) blank = false;
    }
    if (blank) out.push('');
    out.push(line);
    blank = false;
  }
  return out.join('\n');
}

describe('tidyText', () => {
  it('agrees with the split-and-trim version', () => {
    const piece = fc.constantFrom(
      'Care assistant', 'x', ' ', '  ', '   ', '\n', '\n\n', '\r\n', '\r', '\t', '\u00a0', '\u2003', '\u3000', '\u2028', '\u200b', '\ufeff',
      '• ', '•', '•  ', '* ', '- ', '-', '– ', '·', '▪ ', '•\u00a0', 'a  b', '\n• item', '\n- item', '\n\n\n',
    );
    const text = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tidyText(t)).toBe(referenceTidyText(t));
      }),
      { numRuns: 3000 },
    );
  });
  it('agrees on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
        expect(tidyText(t)).toBe(referenceTidyText(t));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The contract read from text as it was: each phrase test behind its own literal test. */
function referenceContractFromText(text: string): string | null {
  const t = text.slice(0, 6000);
  // Each phrase test is guarded by a literal every one of its phrases contains: a plain literal scan is
  // several times cheaper than a \b-anchored phrase regex over 6,000 characters, and most adverts fail it.
  if (/apprenticeship/i.test(t) && /\bapprenticeship\b/i.test(t)) return 'apprenticeship';
  if (/zero/i.test(t) && /\bzero[- ]hours?\s+contract\b/i.test(t)) return 'zero_hours';
  if (/seasonal/i.test(t) && /\bseasonal\s+(?:role|position|job|work|contract)\b/i.test(t)) return 'seasonal';
  if (/fixed|contract/i.test(t) && /\b(?:fixed[- ]term|\d+[- ]months?\s+(?:fixed[- ]term\s+)?contract|contract\s+(?:role|position)|temporary\s+contract)\b/i.test(t)) return /\btemporary\b/i.test(t) ? 'temporary' : 'contract';
  if (/temp/i.test(t) && /\b(?:temporary|temp)\s+(?:role|position|job|post|basis|assignment|contract)\b/i.test(t)) return 'temporary';
  if (/permanent/i.test(t) && /\bpermanent\s+(?:role|position|job|post|contract|basis|opportunity|vacancy|full[- ]time|part[- ]time)\b|\bon\s+a\s+permanent\b|\bcontract\s+type\s*:\s*permanent\b/i.test(t)) return 'permanent';
  return null;
}

describe('contract from advert text', () => {
  const contractOf = (text: string) => parseTerms({ title: '', text }).contract;
  it.each([
    ['no literal at all', 'Care assistant in Leeds.'],
    ['a literal inside a longer word only', 'We attempt contemporary templates at our zero-waste site.'],
    ['overlapping literals', 'contemporary contract role'],
    ['upper case', 'A PERMANENT POSITION, FIXED-TERM for now'],
    ['temporary contract', 'This is a temporary contract.'],
    ['fixed term after temp', 'temp role, fixed term'],
    ['zero hours', 'Zero hours contract available'],
    ['seasonal', 'A seasonal role over summer'],
    ['apprenticeship', 'Our Apprenticeship scheme'],
    ['permanent by contract type', 'Contract type: Permanent'],
    ['permanent on a basis', 'on a permanent basis'],
  ])('%s', (_name, text) => {
    expect(contractOf(text)).toBe(referenceContractFromText(text));
  });
  it('agrees with the literal-per-test version', () => {
    const piece = fc.constantFrom(
      'apprenticeship', 'Apprenticeships', 'zero', 'Zero hours contract', 'zero-hour contract', 'seasonal', 'seasonal role', 'fixed', 'fixed-term',
      'FIXED TERM', '6 month contract', '12-months fixed term contract', 'contract role', 'Contract position', 'temporary contract', 'temporary', 'temp',
      'temp job', 'Temporary basis', 'permanent', 'Permanent role', 'on a permanent', 'contract type: permanent', 'contemp', 'attempt', ' ', '\n', '.', 'x', 'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (t) => {
        expect(contractOf(t)).toBe(referenceContractFromText(t));
      }),
      { numRuns: 3000 },
    );
  });
});
