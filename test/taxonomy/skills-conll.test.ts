import { describe, expect, it } from 'vitest';
import { parseConll, parseInline, toConll } from '../../scripts/eval/skills/conll.ts';

/** The dev set's two forms (inline markup we write, CoNLL BIO we commit) must say the same thing. */
describe('skills dev set formats', () => {
  it.each([
    ['You will need excellent {S:communication} skills and a {Q:CSCS card}.', [['communication', 'Skill'], ['CSCS card', 'Qualification']]],
    ['The {O:Chef de Partie} needs {E:2+ years experience} in {D:hospitality}.', [['Chef de Partie', 'Occupation'], ['2+ years experience', 'Experience'], ['hospitality', 'Domain']]],
    ["Use {S:C#} and {S:self-motivated} wording; the driver's van.", [['C#', 'Skill'], ['self-motivated', 'Skill']]],
  ])('%s survives inline → CoNLL → spans', (line, expected) => {
    const inline = parseInline(line);
    const [sentence] = parseConll(toConll([inline]));
    expect(sentence!.text).toBe(inline.text);
    expect(sentence!.spans.map((s) => [sentence!.text.slice(s.start, s.end), s.label])).toEqual(expected);
  });

  it('reads BIO without a text line, and an I- tag after O opens a span', () => {
    const [s] = parseConll('Good\tO\ntime\tB-Skill\nmanagement\tI-Skill\nand\tO\nleadership\tI-Skill\n');
    expect(s!.text).toBe('Good time management and leadership');
    expect(s!.spans.map((x) => s!.text.slice(x.start, x.end))).toEqual(['time management', 'leadership']);
  });

  it('refuses a span that does not sit on token edges', () => {
    expect(() => toConll([{ text: 'teamwork', spans: [{ start: 0, end: 4, label: 'Skill' }] }])).toThrow(/token edges/);
  });
});
