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

  // Everyday words and staff benefits that hold a sector keyword: none of these adverts says anything about its employer's industry.
  it.each([
    ['bank holidays', 'You get 25 days off plus bank holidays and a bank holiday swap.'],
    ['benefit insurance', 'Benefits include private medical insurance, dental insurance and life assurance.'],
    ['gym perks', 'A gym membership, a wellness stipend for the gym and gym discounts.'],
    ['competitive landscape', 'Help us win in a crowded competitive landscape.'],
    ['lifting', 'You must be able to lift 20kg and help lift people up.'],
    ['staff', 'Our staff are friendly and every member of staff gets training.'],
    ['let', 'Let us know; we are letting you choose your hours.'],
    ['consult', 'You will consult with stakeholders and consulting colleagues.'],
    ['invest', 'We invest in our people and investing in you matters.'],
    ['software words', 'Build a key-value data store, pub/sub messaging and data mining jobs.'],
    ['idioms', 'We cater to every need under one roof and raise the bar; a lend a hand culture.'],
    ['remote set-up', 'A budget for your home office set-up.'],
    ['library code', 'Maintain our Python libraries and the component library.'],
    ['funding', 'We closed a large funding round and a fundraising round this year.'],
  ])('no sector from %s', (_name, description) => {
    expect(classify('Zzyzx Qwerty', description).sector).toBeNull();
  });

  it.each([
    // [title, description, employer, section]
    ['Zzyzx Qwerty', 'We are a lettings agency in Leeds.', null, 'L'],
    ['Zzyzx Qwerty', 'A staffing agency placing temporary workers.', null, 'N'],
    ['Zzyzx Qwerty', 'We are a management consulting firm.', null, 'M'],
    ['Zzyzx Qwerty', 'We run an investing app for first-time savers.', null, 'K'],
    ['Zzyzx Qwerty', 'An open-pit copper mine: ore body modelling and heap leaching.', null, 'B'],
    ['Zzyzx Qwerty', 'We are an online travel company selling hotel rooms.', null, 'N'],
    ['Zzyzx Qwerty', 'We are the shop floor team of a busy plant.', null, 'C'],
    ['Zzyzx Qwerty', '', 'Qwerty Institute', 'M'],
    ['Zzyzx Qwerty', '', 'Chartered Institute of Zzyzx', 'S'],
    ['Zzyzx Qwerty', '', 'Satellite Applications Catapult', 'M'],
    ['Library Assistant', 'Shelving and helping readers.', null, 'R'],
  ])('%s / %s / %s → %s', (title, description, employer, section) => {
    expect(classify(title, description, employer).sector?.code).toBe(section);
  });

  it('counts channel words (platform, app, cloud, marketplace) half: a learning provider on a platform is education', () => {
    const r = classify('Zzyzx Qwerty', 'We are the upskilling platform behind apprenticeships. Our app runs on the cloud; our platform is a marketplace.');
    expect(r.sector?.code).toBe('P');
  });

  it('reads "public sector" as ownership, not public administration', () => {
    expect(classify('Zzyzx Qwerty', 'A public sector training and education organisation.').sector?.code).toBe('P');
  });

  it('lets an employer named by its kind outweigh what its adverts are about', () => {
    const r = classify('Zzyzx Qwerty', 'Research for the mining industry: mining sensors, mining robots and a mining laboratory.', 'University of Zzyzx - Department of Engineering');
    expect(r.sector?.code).toBe('P');
  });

  it('takes the last kind in an employer name as the organisation\'s own', () => {
    expect(classify('Zzyzx', 'Our hospital wards.', 'University College Zzyzx Hospitals NHS Foundation Trust').sector?.code).toBe('Q');
    expect(classify('Zzyzx', '', 'Zzyzx NHS Trust Training College').sector?.code).toBe('P');
  });

  it('reads a staff bank as a pool of workers, not a bank', () => {
    expect(classify('Bank Care Assistant', 'Bank shifts in our care home on a bank basis.').sector?.code).toBe('Q');
    expect(classify('Zzyzx Qwerty', 'Join a high street bank.').sector?.code).toBe('K');
  });

  it('weighs a skilled trade\'s title words as much as its occupation: a lift fitter installs lifts (F)', () => {
    // Keywords sharing a stem ("lift", "lifts") vote once.
    const trades = createTaxonomy({
      versionId: 1, skills: [], relations: [], groups: [], sectors: [],
      occupations: [occ('soc:5223', 'Metal working production and maintenance fitters', ['fitter', 'installer'], 'C'), occ('soc:3111', 'Laboratory technicians', ['lift tester'], 'M')],
    });
    const c = createClassifier(trades, []);
    expect(c.classify({ title: 'Lift Installer', description: '', employer: null }).sector?.code).toBe('F');
    expect(c.classify({ title: 'Installer', description: '', employer: null }).sector?.code).toBe('C');
    // Not a trade: the title's words stay weak next to the occupation.
    expect(c.classify({ title: 'Lift Tester', description: '', employer: null }).sector?.code).toBe('M');
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
