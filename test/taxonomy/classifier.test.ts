import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createClassifier, titleVariants } from '../../src/taxonomy/enricher/classifier.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import type { Occupation } from '../../src/taxonomy/model.ts';
import { loadTaxonomy, type SocIndexEntry } from '../../src/taxonomy/store.ts';
import { normaliseKey } from '../../src/taxonomy/text.ts';

const occ = (id: string, title: string, altTitles: string[], sector: string | null): Occupation => {
  const [scheme, code] = id.split(':') as [Occupation['scheme'], string];
  return { id, scheme, code, title, altTitles, description: null, skillLevel: 2, typicalPayAnnual: null, sector };
};

const taxonomy = createTaxonomy({
  versionId: 1,
  skills: [],
  relations: [],
  groups: [],
  sectors: [],
  occupations: [
    occ('soc:6135', 'Care workers and home carers', ['care assistant', 'home carer', 'support worker'], 'Q'),
    occ('soc:8211', 'Heavy and large goods vehicle drivers', ['HGV driver', 'lorry driver'], 'H'),
    occ('soc:9252', 'Warehouse operatives', ['warehouse operative', 'picker packer'], 'H'),
    occ('esco:e-cook', 'cook', ['line cook'], 'I'),
    occ('esco:e-care', 'home care aide', ['care assistant', 'domiciliary care worker'], 'Q'),
    occ('onet:53-3032.00', 'Heavy and Tractor-Trailer Truck Drivers', ['Long Haul Truck Driver'], 'H'),
  ],
});
const index: SocIndexEntry[] = [
  { title: 'Manager', normTitle: normaliseKey('Manager'), qualifier: null, industry: 'fish and chip shop', socCode: '1222', iscoCode: '1412' },
  { title: 'Manager', normTitle: normaliseKey('Manager'), qualifier: null, industry: 'retail trade', socCode: '1150', iscoCode: '1420' },
  { title: 'Night porter', normTitle: normaliseKey('Night porter'), qualifier: null, industry: null, socCode: '9269', iscoCode: '9629' },
];
const classifier = createClassifier(taxonomy, index);
const classify = (title: string, description = '', employer: string | null = null) => classifier.classify({ title, description, employer });

describe('occupation classifier', () => {
  it('finds an exact title or alternative title, with its evidence', () => {
    const r = classify('HGV Driver');
    expect(r.occupation).toMatchObject({ scheme: 'soc', code: '8211' });
    expect(r.occupation!.confidence).toBeGreaterThan(0.8);
    expect(r.occupation!.evidence[0]).toBe('HGV Driver');
  });

  it('cleans adverts\' title noise and finds the known title inside', () => {
    expect(classify('URGENT: Senior Care Assistant - Nights (£12.50ph)').occupation).toMatchObject({ code: '6135' });
    expect(classify('HGV Class 1 Driver').occupation).toMatchObject({ code: '8211' });
    expect(titleVariants('Warehouse Operative - Leeds | Ref 12345')).toEqual(['Warehouse Operative - Leeds', 'Warehouse Operative', 'Leeds']);
  });

  it('prefers the UK SOC occupation when ESCO knows the same title', () => {
    expect(classify('Care Assistant').occupation).toMatchObject({ scheme: 'soc', code: '6135' });
  });

  it('uses ESCO or O*NET when only they match', () => {
    expect(classify('Line Cook').occupation).toMatchObject({ scheme: 'esco', code: 'e-cook' });
    expect(classify('Long Haul Truck Driver').occupation).toMatchObject({ scheme: 'onet', code: '53-3032.00' });
  });

  it('uses the coding index, and its industry qualifiers against employer and description', () => {
    expect(classify('Manager', 'Busy fish and chip shop in Whitby', null).occupation).toMatchObject({ scheme: 'soc', code: '1222' });
    expect(classify('Manager', '', 'Acme retail trade group').occupation).toMatchObject({ code: '1150' });
    expect(classify('Night Porter').occupation).toMatchObject({ code: '9269' });
  });

  it('falls back to word overlap, then to the description', () => {
    // The coding index's inverted word order: no known title inside, every word shared with one.
    const overlap = classify('Worker, Domiciliary Care');
    expect(overlap.occupation?.scheme).toBeDefined();
    const fromDescription = classify('Team Member', 'We are looking for a picker packer to join our site.');
    expect(fromDescription.occupation).toMatchObject({ code: '9252' });
    expect(fromDescription.occupation!.confidence).toBeLessThan(0.5);
  });

  it('classifies nothing when nothing matches', () => {
    expect(classify('Zzyzx Qwerty').occupation).toBeNull();
  });
});

describe('sector classifier', () => {
  it('takes the occupation\'s sector', () => {
    expect(classify('HGV Driver').sector).toMatchObject({ code: 'H' });
  });

  it('reads the employer name and the advert, with the words that decided it', () => {
    const r = classify('Zzyzx Qwerty', 'Join our school community.', 'St Mary\'s Primary School');
    expect(r.sector?.code).toBe('P');
    expect(r.sector!.evidence.join(' ')).toMatch(/employer: Primary School/);
    expect(classify('Zzyzx', '', 'Leeds Teaching Hospitals NHS Trust').sector?.code).toBe('Q');
  });

  it('returns no sector without evidence', () => {
    expect(classify('Zzyzx Qwerty').sector).toBeNull();
  });
});

describe('createEnricher', () => {
  it('classifies and spots skills over the bundled taxonomy in a real database', () => {
    const db = openDb(':memory:');
    ensureBundledTaxonomy(db, Date.UTC(2026, 0, 1));
    const enricher = createEnricher(loadTaxonomy(db), db);
    const r = enricher.classify({ title: 'Warehouse Operative', description: 'Picking and packing orders in our distribution centre.', employer: null });
    expect(r.occupation?.scheme).toBe('soc');
    expect(r.sector?.code).toBe('H');
    expect(enricher.spotSkills('Essential: a counterbalance forklift licence.').length).toBeGreaterThan(0);
  });

  it('enrichAdvert, one scan for everything, gives what classify and spotSkills give separately', () => {
    const db = openDb(':memory:');
    ensureBundledTaxonomy(db, Date.UTC(2026, 0, 1));
    const enricher = createEnricher(loadTaxonomy(db), db);
    const titles = ['Warehouse Operative', 'Care Assistant - Nights', 'HGV Class 1 Driver', 'Kitchen Porter', 'Zzyzx', ''];
    const sentences = [
      'Essential: a counterbalance forklift licence.',
      'You will provide personal care to residents in our care home.',
      'Experience of Microsoft Excel and customer service is desirable.',
      'Our distribution centre ships parcels nationwide.',
      'Full UK driving licence required.\n',
      'Café work, C++ and driver’s hours.',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...titles),
        fc.array(fc.constantFrom(...sentences), { maxLength: 40 }),
        // Neutral filler first, so keywords also land around the 2,500-character limit of the sector scan.
        fc.nat(120),
        fc.option(fc.constantFrom('Acme Logistics Ltd', 'Sunrise Care Home', 'Council')),
        fc.boolean(),
        (title, parts, filler, employer, joined) => {
          const description = 'We value you and your time. '.repeat(filler) + parts.join(' ');
          const input = { title, description, employer };
          const separate = { ...enricher.classify(input), skills: enricher.spotSkills([title, description].join('\n')) };
          // With and without the joined text the caller may pass in.
          const together = enricher.enrichAdvert(joined ? { ...input, text: `${title}\n${description}` } : input);
          expect(together).toEqual(separate);
        },
      ),
      // Found by this property: "parcels" crossing the 2,500-character limit once counted as "parcel".
      { numRuns: 200, examples: [['Warehouse Operative', ['Our distribution centre ships parcels nationwide.'], 88, null, false]] },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 50 })), (title, description, employer) => {
        const r = classifier.classify({ title, description, employer });
        if (r.occupation) expect(r.occupation.confidence).toBeGreaterThan(0);
        if (r.sector) expect(r.sector.code).toMatch(/^[A-U]$/);
      }),
      { numRuns: 300 },
    );
  });
});
