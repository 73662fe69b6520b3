import { describe, expect, it } from 'vitest';
import { QualifierWords } from '../../src/taxonomy/enricher/qualifier-words.ts';

// The automaton must answer exactly what `text.includes(word)` answers, the test the classifier used
// before, for every word at once.
describe('QualifierWords', () => {
  const words = ['care', 'childcare', 'are', 'hospital', 'service', 'fish', 'chip', 'shop', 'shopping', 'hop', 'educational', 'établissement', 'computing'];
  const qualifiers = new QualifierWords();
  const ids = new Map(words.map((w) => [w, qualifiers.id(w)]));

  it('gives one number per distinct word', () => {
    expect(qualifiers.id('care')).toBe(ids.get('care'));
    expect(qualifiers.size).toBe(words.length);
  });

  it.each([
    'we run a childcare nursery and a fish and chip shop',
    'hospitals, health services and computing/it',
    'no qualifier words here at all',
    'établissement scolaire; shoppingcare',
    'carcar cha chi chipshop educationa',
    '',
  ])('finds in "%s" just the words includes() finds', (text) => {
    const found = qualifiers.find(text);
    for (const w of words) expect(found.has(ids.get(w)!), w).toBe(text.includes(w));
  });

  it('agrees with includes() on random texts over the words\' letters', () => {
    let seed = 11;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const letters = 'acehiopsrfdnl /';
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 80 }, () => letters[Math.floor(rnd() * letters.length)]).join('') + ' ' + words[n % words.length];
      const found = qualifiers.find(text);
      for (const w of words) expect(found.has(ids.get(w)!), `${w} in ${text}`).toBe(text.includes(w));
    }
  });

  it('takes words added after a search into the next one', () => {
    const late = new QualifierWords();
    const a = late.id('bakery');
    expect(late.find('a bakery').has(a)).toBe(true);
    const b = late.id('bake');
    expect(late.find('a bakery').has(b)).toBe(true);
    expect(late.find('a bak').has(b)).toBe(false);
  });
});
