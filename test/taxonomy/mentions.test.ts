import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { createMentionExtractor, type MentionExtractor } from '../../src/taxonomy/mentions/extract-mentions.ts';
import type { Mention, MentionKind } from '../../src/taxonomy/mentions/mention.ts';
import { loadServedTaxonomy } from '../../src/taxonomy/served-taxonomy.ts';

/**
 * Issue 15 items 1–3: skill spans the way people mark them, and the words
 * that are titles, qualifications, experience lengths or domains kept out of
 * the skills. Sentences are our own, in the style of UK adverts; the
 * taxonomy is the bundled one on a fresh in-memory database.
 */
let extractor: MentionExtractor;
beforeAll(() => {
  extractor = createMentionExtractor(loadServedTaxonomy(openDb(':memory:')));
});

const spans = (text: string, kind: MentionKind = 'skill') => extractor.extract(text).filter((m) => m.kind === kind).map((m) => m.text);

describe('skill phrases are grown to the whole span people mark', () => {
  it.each([
    ['a verb phrase with its coordinated verbs and object', 'You will build and maintain web applications using Laravel.', 'build and maintain web applications'],
    ['a phrasal verb with its object', 'You will carry out daily vehicle checks.', 'carry out daily vehicle checks'],
    ['a dictionary hit grown to its noun phrase', 'Knowledge of stock control systems would be an advantage.', 'stock control systems'],
    ['a prepositional object that is part of the task', 'You will check deliveries against purchase orders.', 'check deliveries against purchase orders'],
    ['a task after "responsible for"', 'You will be responsible for completing care plans.', 'completing care plans'],
    ['a task after "able to"', 'You must be able to read technical drawings.', 'read technical drawings'],
    ['two adjectives sharing one head', 'You should have excellent written and verbal communication skills.', 'written and verbal communication'],
    ['"understanding of" kept inside, as in the schema', 'You will need a good understanding of the Mental Capacity Act.', 'understanding of the Mental Capacity Act'],
    ['a gerund after "experience of"', 'Experience of managing volunteers is essential.', 'managing volunteers'],
  ])('%s', (_what, text, expected) => {
    expect(spans(text)).toContain(expected);
  });

  it.each([
    ['praise and "skills" stay outside', 'Excellent communication skills are essential.', ['communication']],
    ['a list of noun phrases is one skill each', 'Duties include personal care, medication administration and meal preparation.', ['personal care', 'medication administration', 'meal preparation']],
    ['a chain of duties is one skill each', 'You will serve customers, operate the till and replenish stock.', ['serve customers', 'replenish stock']],
    ['each conjunct before "skills"', 'Strong organisational and time management skills are required.', ['organisational', 'time management']],
    ['tools listed after a cue', 'Knowledge of Terraform, Docker and Kubernetes is desirable.', ['Terraform', 'Docker', 'Kubernetes']],
  ])('%s', (_what, text, expected) => {
    expect(spans(text)).toEqual(expect.arrayContaining(expected));
    expect(spans(text).some((s) => /excellent|strong|skills$/i.test(s))).toBe(false);
  });
});

describe('titles, qualifications, experience and domains are not skills', () => {
  it.each<[string, string, MentionKind, string]>([
    ['a skill word inside a job title', 'We are hiring a Purchasing Manager for our Leeds site.', 'occupation', 'Purchasing Manager'],
    ['a title with seniority and a language', 'The German Technical Support Representative will answer calls.', 'occupation', 'German Technical Support Representative'],
    ['a title with a preposition', 'The Teacher of Mathematics will plan lessons.', 'occupation', 'Teacher of Mathematics'],
    ['an HNC with its subject', 'An HNC in Electrical Engineering is essential.', 'qualification', 'HNC in Electrical Engineering'],
    ['an NVQ with level and subject', 'An NVQ Level 3 in Health and Social Care would be an advantage.', 'qualification', 'NVQ Level 3 in Health and Social Care'],
    ['a CSCS card', 'You must hold a valid CSCS card.', 'qualification', 'CSCS card'],
    ['a driving licence', 'A full UK driving licence is essential.', 'qualification', 'full UK driving licence'],
    ['a degree', 'A degree in Biotechnology is required.', 'qualification', 'degree in Biotechnology'],
    ['an experience length', 'A minimum of 2 years experience is required.', 'experience', 'minimum of 2 years experience'],
    ['a domain named as an industry', 'The company is a growing biotechnology business in Cambridge.', 'domain', 'biotechnology'],
    ['a domain after "leader in"', 'The bank is a leader in retail banking.', 'domain', 'retail banking'],
  ])('%s', (_what, text, kind, expected) => {
    const found = extractor.extract(text);
    expect(found.filter((m) => m.kind === kind).map((m) => m.text)).toContain(expected);
    // No skill span overlaps it.
    const target = found.find((m) => m.kind === kind && m.text === expected)!;
    expect(found.filter((m) => m.kind === 'skill' && m.start < target.end && target.start < m.end)).toEqual([]);
  });

  it('a verb phrase may hold a title as its object ("support the Head Chef"), which is then no occupation of its own', () => {
    const found = extractor.extract('You will support the Head Chef with menu planning.');
    expect(found.find((m) => m.kind === 'skill')?.text).toMatch(/^support the Head Chef/);
    expect(found.filter((m) => m.kind === 'occupation')).toEqual([]);
  });
});

describe('soft and transversal skills in their usual phrasings', () => {
  it.each([
    ['Team working is at the heart of everything we do.', 'Team working', 'fp:teamwork'],
    ['Good time management is essential.', 'time management', 'fp:time-management'],
    ['You will have a can-do attitude.', 'can-do attitude', null],
    ['You should be patient, compassionate and reliable.', 'reliable', null],
    ['We are looking for a self-motivated Team Leader.', 'self-motivated', null],
    ['You must have a keen eye for detail.', 'eye for detail', null],
    ['Experience of managing budgets is essential.', 'managing budgets', 'fp:budget-management'],
  ])('%s → "%s"', (text, expected, id) => {
    const m = extractor.extract(text).find((x) => x.kind === 'skill' && x.text === expected);
    expect(m, JSON.stringify(extractor.extract(text))).toBeDefined();
    if (id) expect(m!.skill?.id).toBe(id);
  });

  it('an unmapped phrase keeps its normalised form and says so', () => {
    const m = extractor.extract('You will upsell dining packages.').find((x) => x.kind === 'skill')!;
    expect(m.skill).toBeNull();
    expect(m.normalised).toBe(m.text.toLowerCase());
  });
});

describe('required or nice to have', () => {
  it.each([
    ['Essential: excellent communication skills.', true],
    ['Knowledge of Sage would be an advantage.', false],
    ['You must be able to read technical drawings.', true],
    ['Desirable:\nExperience of Xero', false],
  ])('%s → required %s', (text, required) => {
    const skills = extractor.extract(text).filter((m) => m.kind === 'skill');
    expect(skills.length).toBeGreaterThan(0);
    for (const s of skills) expect(s.required).toBe(required);
  });
});

describe('offsets', () => {
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
  const check = (text: string, found: Mention[]) => {
    for (const m of found) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.start).toBeLessThan(m.end);
      expect(text.slice(m.start, m.end)).toBe(m.text);
      // On word boundaries: no letter or digit runs across either edge.
      expect(isWordChar(text[m.start - 1]) && isWordChar(text[m.start])).toBe(false);
      expect(isWordChar(text[m.end]) && isWordChar(text[m.end - 1])).toBe(false);
    }
  };

  const words = [
    'You', 'will', 'must', 'be', 'able', 'to', 'manage', 'a', 'team', 'of', 'Care', 'Assistant', 'NVQ', 'Level', '3', 'in', 'excellent',
    'communication', 'skills', 'and', 'experience', 'with', 'C#', 'C++', "driver's", "can't", 'self-motivated', 'e.g.', '£24,000',
    'Essential:', 'CSCS', 'card', 'retail', 'sector', 'years', '2+', 'café', 'naïve', '–', '…', '🙂', '\n', '•', 'Knowledge', 'the',
  ];
  const advertish = fc.array(fc.constantFrom(...words), { maxLength: 40 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', ' ', ', ', '. ', '\n', '  ', '; ', ''), { minLength: ws.length, maxLength: ws.length }).map((gaps) => ws.map((w, i) => w + gaps[i]).join('')),
  );

  it('are always inside the text and on word boundaries (advert-like text)', () => {
    fc.assert(fc.property(advertish, (text) => check(text, extractor.extract(text))), { numRuns: 300 });
  });

  it('are always inside the text and on word boundaries (any text)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => check(text, extractor.extract(text))), { numRuns: 300 });
  });
});
