import { describe, expect, it } from 'vitest';
import { csvField, outcomesCsv } from '../../src/outcomes/outcomes-csv.ts';
import { organisationOutcomes, startsPerMonth, summariseStarts } from '../../src/outcomes/outcomes.ts';
import { readJobStarts } from '../../src/outcomes/starts.ts';
import { CARE_TITLE, JAN, MAR, NOW, outcomesTaxonomy, outcomesWorld } from './outcomes-fixture.ts';

describe('organisation outcomes', () => {
  const w = outcomesWorld();
  const deps = { db: w.db, taxonomy: () => w.taxonomy, now: w.clock.now };
  const north = organisationOutcomes(deps, 'North Works');

  it('counts only shortlist items at Started now, dated by their move to Started', () => {
    expect(north.total).toBe(5);
    const starts = readJobStarts(w.db, 'North Works');
    expect(starts.map((s) => s.startedAt)).toEqual([JAN, JAN + 86_400_000, MAR, MAR, MAR]);
  });

  it('buckets starts by month from the first start to this month, quiet months as zero', () => {
    expect(north.months).toEqual([
      { month: '2026-01', starts: 2 },
      // South Skills' February start is theirs; North's February start was withdrawn.
      { month: '2026-02', starts: 0 },
      { month: '2026-03', starts: 3 },
      { month: '2026-04', starts: 0 },
      { month: '2026-05', starts: 0 },
    ]);
  });

  it('counts starts by the vacancy sector (else its occupation sector) and by destination occupation', () => {
    expect(north.bySector).toEqual([
      { code: 'Q', title: 'Human health and social work activities', starts: 2 },
      { code: 'H', title: 'Transportation and storage', starts: 1 },
      { code: 'G', title: 'Wholesale and retail trade; repair of motor vehicles and motorcycles', starts: 1 },
      { code: null, title: 'Sector not known', starts: 1 },
    ]);
    expect(north.byOccupation).toEqual([
      { id: 'soc:6135', title: CARE_TITLE, starts: 2 },
      { id: 'soc:8214', title: 'Forklift truck drivers', starts: 1 },
      { id: 'soc:7111', title: 'Sales and retail assistants', starts: 1 },
      { id: null, title: 'Occupation not known', starts: 1 },
    ]);
  });

  it('gives the share of starts that were a sector pivot, over the starts whose two sectors are known', () => {
    // Pivots: warehouse → care, retail → care (by occupation). Same: warehouse → forklift. Unknown: no history; no vacancy sector.
    expect(north.pivots).toEqual({ pivot: 2, sameSector: 1, unknown: 2, share: 2 / 3 });
  });

  it("never counts another organisation's starts, either way round", () => {
    const south = organisationOutcomes(deps, 'South Skills');
    expect(south.total).toBe(1);
    expect(south.months).toEqual([
      { month: '2026-02', starts: 1 },
      { month: '2026-03', starts: 0 },
      { month: '2026-04', starts: 0 },
      { month: '2026-05', starts: 0 },
    ]);
    expect(readJobStarts(w.db, 'South Skills').every((s) => !readJobStarts(w.db, 'North Works').some((n) => n.itemId === s.itemId))).toBe(true);
    expect(organisationOutcomes(deps, 'Nobody').total).toBe(0);
  });

  it('has no months, no rows and no share before the first start', () => {
    const none = summariseStarts('x', [], outcomesTaxonomy(), NOW);
    expect(none).toMatchObject({ total: 0, months: [], bySector: [], byOccupation: [], pivots: { pivot: 0, sameSector: 0, unknown: 0, share: null } });
    expect(startsPerMonth([Date.parse('2025-11-30T23:59:59Z')], Date.parse('2026-01-01T00:00:00Z')).map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('writes every table to CSV with RFC 4180 quoting', () => {
    const lines = outcomesCsv(north).split('\r\n');
    expect(lines[0]).toBe('breakdown,code,name,starts');
    expect(lines[1]).toBe('month,2026-01,January 2026,2');
    expect(lines).toContain('occupation,soc:6135,"Care workers, ""home"" carers",2');
    expect(lines).toContain('sector,,Sector not known,1');
    expect(lines).toContain('pivot,pivot,Into a different sector from their last job,2');
    expect(lines).toContain('total,,All starts,5');
    expect(lines.at(-1)).toBe('');
  });

  it('quotes only what needs it and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
  });
});
