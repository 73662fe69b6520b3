import { describe, expect, it } from 'vitest';
import { seedApp } from './seed.ts';

/**
 * What one participant page costs in personal-data terms: the participant
 * is read once and one audit row says what the page showed (the profile,
 * matches, pivots and transitions), however many sections use them.
 */
describe('GET /participants/:id reads the participant once and audits once', () => {
  it('one participants SELECT and one "participant.viewed" row listing what was shown', async () => {
    const s = await seedApp();
    const client = s.db.$client;
    const prepare = client.prepare.bind(client);
    // Count the statements that read the participants table (drizzle prepares each query it runs).
    let participantReads = 0;
    client.prepare = ((sql: string) => {
      if (/^\s*select\b[\s\S]*\bfrom\s+"?participants"?(\s|$)/i.test(sql)) participantReads++;
      return prepare(sql);
    }) as typeof client.prepare;
    const auditBefore = (prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;

    const res = await s.app.request(`/participants/${s.participantId}`, { headers: { Accept: 'text/html', Cookie: `fp_session=${s.session}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="matches"');

    client.prepare = prepare;
    const rows = prepare('SELECT actor, action, subject_id, detail FROM audit_log WHERE id > ? ORDER BY id').all(auditBefore) as {
      actor: string;
      action: string;
      subject_id: string;
      detail: string | null;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: `coach:${s.coach.id}`, action: 'participant.viewed', subject_id: String(s.participantId) });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ shown: ['profile', 'matches', 'pivots', 'transitions'] });
    expect(participantReads).toBe(1);
  });

  it('a page whose matches form is invalid shows no matches and says so in its audit row', async () => {
    const s = await seedApp({ demo: false });
    const res = await s.app.request(`/participants/${s.participantId}?radiusKm=-4`, { headers: { Accept: 'text/html', Cookie: `fp_session=${s.session}` } });
    expect(res.status).toBe(200);
    const rows = s.db.$client.prepare("SELECT detail FROM audit_log WHERE action = 'participant.viewed'").all() as { detail: string }[];
    expect(rows.map((r) => JSON.parse(r.detail))).toEqual([{ shown: ['profile', 'pivots', 'transitions'] }]);
  });
});
