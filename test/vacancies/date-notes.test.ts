import { describe, expect, it } from 'vitest';
import { setupEmployerApp, vacancy } from '../routes/employer-app.ts';

/** Issue 17 item 9: a closing time the reader could not use is left out with a note, and the note is kept and shown. */
describe('date notes: an ambiguous closing time is stored and shown, not silently dropped', () => {
  it.each([
    ['validThrough given by the employer', { validThrough: '12 noon on midnight 5 January 2026' }, '2026-01-05T00:00:00.000Z'],
    ['closing date found in the description', { description: 'Care work in Leeds.\nClosing date: 5pm or 17:30, 6 July 2025. Apply online.' }, '2025-07-06T00:00:00.000Z'],
  ])('%s', async (_label, over, closes) => {
    const t = setupEmployerApp();
    const res = await t.call('POST', '/v1/vacancies', { body: vacancy({ reference: 'NOTE-1', ...over }) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number };
    const read = (await (await t.call('GET', `/v1/vacancies/${body.id}`)).json()) as { validThrough: string; dateNotes: { field: string; note: string }[] };
    expect(read.validThrough).toBe(closes);
    expect(read.dateNotes).toHaveLength(1);
    expect(read.dateNotes[0]).toMatchObject({ field: 'validThrough' });
    expect(read.dateNotes[0]!.note).toMatch(/ambiguous time/);
  });

  it('a clear closing time gives no note', async () => {
    const t = setupEmployerApp();
    const res = await t.call('POST', '/v1/vacancies', { body: vacancy({ reference: 'NOTE-2', validThrough: '5pm on 6 July 2025' }) });
    const body = (await res.json()) as { vacancy: { validThrough: string; dateNotes: unknown[] } };
    expect(body.vacancy.validThrough).toBe('2025-07-06T16:00:00.000Z');
    expect(body.vacancy.dateNotes).toEqual([]);
  });
});
