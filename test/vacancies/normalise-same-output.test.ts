import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
