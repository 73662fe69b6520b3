import { describe, expect, it } from 'vitest';
import type { Coach } from '../../src/auth/coaches.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { openDb } from '../../src/db.ts';
import { prepareParticipant, profileOf, updateParticipant, type ParticipantDeps } from '../../src/participants/service.ts';
import { ParticipantBodySchema } from '../../src/participants/validation.ts';
import { toParticipantJson } from '../../src/routes/participants/json.ts';
import { addParticipant } from '../helpers/participants.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';
import {
  formPathOf,
  parseHistoryLine,
  participantBodyFromForm,
  participantFormFromJson,
} from '../../src/views/participant-form-data.ts';
import { formatSalary, safeHref } from '../../src/views/format.ts';

describe('participant form ⇄ API body', () => {
  it('reads history lines: title and years, optional years since it ended, occupation ids in brackets or alone', () => {
    expect(parseHistoryLine('Warehouse operative, 3')).toEqual({ title: 'Warehouse operative', years: 3 });
    expect(parseHistoryLine('Driver, multi-drop; 2.5 years, ended 1 year ago')).toEqual({ title: 'Driver, multi-drop', years: 2.5, endedYearsAgo: 1 });
    expect(parseHistoryLine('Van driver [soc:8214], 4, 0')).toEqual({ title: 'Van driver', occupation: 'soc:8214', years: 4, endedYearsAgo: 0 });
    expect(parseHistoryLine('soc:9252, 1 yr')).toEqual({ occupation: 'soc:9252', years: 1 });
    expect(parseHistoryLine('Cleaner')).toBeNull();
    expect(parseHistoryLine('Cleaner, lots')).toBeNull();
  });

  it('create leaves out empty fields; update sends them as null or [] (clearing a box removes it)', () => {
    const form = { name: ' Sam ', maxTravelKm: '', salaryFloor: '£21,500', history: 'Cleaner, 2\n\n', licences: '', remote: '' };
    expect(participantBodyFromForm(form, 'create')).toEqual({
      body: { name: 'Sam', salaryFloor: 21500, history: [{ title: 'Cleaner', years: 2 }] },
      errors: [],
    });
    expect(participantBodyFromForm(form, 'update').body).toEqual({
      reference: null,
      name: 'Sam',
      location: null,
      maxTravelKm: null,
      hoursPerWeek: null,
      salaryFloor: 21500,
      remote: null,
      hoursPattern: null,
      avoidShifts: [],
      must: [],
      history: [{ title: 'Cleaner', years: 2 }],
      skills: { add: [], remove: [] },
      licences: [],
      qualifications: [],
      targets: [],
    });
  });

  it('names unreadable numbers and history lines as field errors, counting lines from 0 like the API', () => {
    const { errors } = participantBodyFromForm({ hoursPerWeek: 'full time', history: 'Cook, 2\nCleaner' }, 'create');
    expect(errors.map((e) => e.path)).toEqual(['hoursPerWeek', 'history.1']);
    expect(formPathOf('skills.add.2')).toBe('skillsAdd.2');
    expect(formPathOf('skills.remove.0')).toBe('skillsRemove.0');
    expect(formPathOf('history.0.years')).toBe('history.0.years');
  });

  it('saving the prefilled edit form unchanged through updateParticipant changes nothing', () => {
    const db = openDb(':memory:');
    ensureBundledTaxonomy(db, 0);
    const taxonomy = loadTaxonomy(db);
    const deps: ParticipantDeps = { db, taxonomy: () => taxonomy, enricher: () => null, geocoder: null, now: () => 1_000 };
    const coach: Coach = createCoach(db, { name: 'C', org: 'o' }, 0).coach;
    const skill = [...taxonomy.skills.values()][0]!;
    const other = [...taxonomy.skills.values()][5]!;
    const p = addParticipant(deps, coach, {
      reference: 'R-1',
      name: 'Pat',
      location: '53.8,-1.55',
      maxTravelKm: 12.5,
      hoursPerWeek: 30,
      salaryFloor: 19000,
      remote: 'hybrid',
      history: [
        { title: 'Van driver', occupation: 'soc:8214', years: 4, endedYearsAgo: 0 },
        { occupation: 'soc:9252', years: 1.5 },
      ],
      skills: { add: [skill.label], remove: [other.label] },
      licences: ['C+E', 'enhanced DBS'],
      qualifications: ['NVQ Level 2, Warehousing'],
    });
    const before = toParticipantJson(taxonomy, p, profileOf(deps, p));
    const { body, errors } = participantBodyFromForm(participantFormFromJson(before), 'update');
    expect(errors).toEqual([]);
    const prepared = prepareParticipant(deps, ParticipantBodySchema.parse(body));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    const q = updateParticipant(deps, coach, p.id, prepared.value);
    const after = toParticipantJson(taxonomy, q, profileOf(deps, q));
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
  });
});

describe('view helpers', () => {
  it('links only to http(s) adverts', () => {
    expect(safeHref('https://jobs.example.org/1')).toBe('https://jobs.example.org/1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it('writes salaries as the advert did, with the yearly figure for other periods', () => {
    const base = { min: null, max: null, currency: 'GBP', period: null, annualMin: null, annualMax: null, text: null };
    expect(formatSalary(base)).toBe('Salary not stated');
    expect(formatSalary({ ...base, min: 12.5, max: 13, period: 'hour', annualMin: 24375, annualMax: 25350 })).toBe(
      '£12.50–£13.00 an hour (about £24,375–£25,350 a year)',
    );
    expect(formatSalary({ ...base, min: 25000, period: 'year', annualMin: 25000, text: '£25k plus bonus' })).toBe('£25k plus bonus');
  });
});
