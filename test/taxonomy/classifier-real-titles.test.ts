import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import {
  createClassifier,
  expandAbbreviations,
  leadVariant,
  OCCUPATION_FLOOR,
  softwareVariant,
  titleVariants,
} from '../../src/taxonomy/enricher/classifier.ts';
import { importSocIndex } from '../../src/taxonomy/importers/soc-index.ts';
import type { Occupation } from '../../src/taxonomy/model.ts';
import { loadSocIndex } from '../../src/taxonomy/store.ts';

// Titles as real adverts write them, against a coding index of our own rows in the ONS TSV layout
// (test/fixtures/classify/coding-index.tsv), imported into a real SQLite database, beside ESCO-style
// occupations whose alternative labels are the near-homonyms that used to win.
const db = openDb(':memory:');
await importSocIndex(db, new URL('../fixtures/classify/coding-index.tsv', import.meta.url).pathname, { now: Date.UTC(2026, 0, 1) });
const esco = (code: string, title: string, altTitles: string[], sector: string | null): Occupation => ({
  id: `esco:${code}`,
  scheme: 'esco',
  code,
  title,
  altTitles,
  description: null,
  skillLevel: 2,
  typicalPayAnnual: null,
  sector,
});
const taxonomy = createTaxonomy({
  versionId: 1,
  skills: [],
  relations: [],
  groups: [],
  sectors: [],
  occupations: [
    esco('3240.2.1', 'animal artificial insemination technician', ['AI engineer', 'AI technician'], 'A'),
    esco('7536.1', 'footwear product developer', ['developer', 'product developer'], 'C'),
    esco('3134.3', 'oil refinery control room operator', ['supervisor'], 'C'),
    esco('2654.1', 'digital printer', ['test consultant'], 'C'),
  ],
});
const classifier = createClassifier(taxonomy, loadSocIndex(db));
const classify = (title: string, employer: string | null = null, description = '') => classifier.classify({ title, description, employer });

describe('occupation from real titles', () => {
  it.each([
    // title, employer, SOC unit group
    ['Senior PHP Developer', null, '2134'],
    ['German Technical Support Representative', null, '3132'],
    ['Principal Controls Engineer', null, '2129'],
    ['Band 5 Staff Nurse – Nights', 'Northshire NHS Foundation Trust', '2235'],
    ['RMN - Nights', null, '2233'],
    ['AI Engineer', null, '2134'],
    ['Rust Engineer - Trading', null, '2134'],
    ['Senior Backend Engineer (Node/TypeScript) - Remote', null, '2134'],
    ['Marketing Manager', null, '2432'],
    ['Care Co-ordinator', 'Meadow View Care Home', '6136'],
    ['Consultant in Old Age Psychiatry', 'Northshire NHS Foundation Trust', '2212'],
    ['Customer Success Lead', null, '3549'],
    ['Director of Finance', null, '1131'],
    ['Staff Security Engineer (London)', 'Acme', '2135'],
    ['MLOps Engineer', null, '2134'],
    ['Production Director, AI Data Services', null, '1121'],
  ])('"%s" (employer %s) → SOC %s', (title, employer, code) => {
    const description = code === '2135' ? 'We build a SaaS platform for insurers.' : '';
    const r = classify(title, employer, description);
    expect(r.occupation).toMatchObject({ scheme: 'soc', code });
    expect(r.occupation!.confidence).toBeGreaterThanOrEqual(OCCUPATION_FLOOR);
  });

  it('tells the coding index\'s namesakes apart by the words as written and by the employer', () => {
    expect(classify('Market Manager').occupation).toMatchObject({ code: '1251' });
    // A software employer's consultant is the computing one, a hospital's the medical one.
    expect(classify('Consultant', 'Riverside Hospital NHS Trust').occupation).toMatchObject({ code: '2212' });
  });

  it('gives no occupation rather than a guess below the confidence floor', () => {
    expect(classify('Expression of Interest').occupation).toBeNull();
    // A known title met deep in the description is someone else's as often as this job's.
    const filler = 'Our team is friendly and we value everyone who works with us. '.repeat(12);
    expect(classify('Team Member', null, `${filler}You will report to the finance director.`).occupation).toBeNull();
    // In the opening paragraph it names the job.
    expect(classify('Team Member', null, 'We are looking for a finance director to join us.').occupation).toMatchObject({ code: '1131' });
  });

  it('cleans and reads titles the way the classifier looks them up', () => {
    expect(titleVariants('Consultant in Old Age Psychiatry - Inpatient')).toContain('Consultant');
    expect(titleVariants('Director of Finance')).toContain('Finance Director');
    expect(titleVariants('Head of Programming')).toContain('Programming Head');
    expect(titleVariants('Care Co-ordinator')[0]).toBe('Care Coordinator');
    expect(softwareVariant('Senior Rust Engineer')).toBe('software engineer');
    expect(softwareVariant('ServiceNow Technical Consultant')).toBe('software consultant');
    expect(softwareVariant('Field Service Engineer')).toBeNull();
    expect(softwareVariant('Data Centre Electrical Engineer')).toBeNull();
    expect(softwareVariant('Software Engineer')).toBeNull();
    expect(leadVariant('Customer Success Team Lead')).toBe('Customer Success manager');
    expect(leadVariant('Lead')).toBeNull();
    expect(leadVariant('Production Director')).toBe('Production manager');
    expect(titleVariants('Production Director, AI Data Services')).toContain('Production Director');
    expect(softwareVariant('DevSecOps Engineer')).toBe('software engineer');
    // Revenue operations is a sales job.
    expect(softwareVariant('RevOps Engineer')).toBeNull();
    expect(expandAbbreviations('Group and Workshop PWP')).toBe('Group and Workshop psychological wellbeing practitioner');
    expect(expandAbbreviations('It support')).toBeNull();
  });
});

describe('sector from real adverts', () => {
  it.each([
    // title, employer, description, SIC 2007 section
    ['Software Engineer', 'Acme Bank PLC', 'Join our technology team.', 'K'],
    ['Software Engineer', 'Acme', 'About Acme: we build a SaaS platform for small businesses.', 'J'],
    ['Social Worker', 'Northshire County Council', 'Join our adults team.', 'Q'],
    ['Research Assistant', 'University of Northshire - Research Institute of Soil Sciences', '', 'P'],
    ['Marketing Manager', 'Acme Lending Ltd', 'We offer loans to small businesses through open banking.', 'K'],
    ['Fundraising Manager', 'Northshire Heart Foundation', '', 'S'],
    ['Staff Nurse', 'Northshire NHS Foundation Trust', '', 'Q'],
  ])('"%s" at %s → %s', (title, employer, description, section) => {
    expect(classify(title, employer, description).sector?.code).toBe(section);
  });

  it('reads "foundation" as a charity in employer names only', () => {
    expect(classify('Data Analyst', 'Acme Ltd', 'You will build a strong foundation in analytics.').sector?.code).not.toBe('S');
  });

  it('lets the employer and the advert outvote an occupation found in every industry', () => {
    // A marketing manager's occupation alone would not say which industry; the employer does.
    const r = classify('Marketing Manager', 'Riverside Wines Ltd', 'We are a winery in Kent.');
    expect(r.sector?.code).toBe('C');
  });
});
