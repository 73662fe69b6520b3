import { beforeAll, describe, expect, it } from 'vitest';
import { seedApp, type Seeded } from '../pages/seed.ts';

/**
 * A coach asking for another organisation's participant gets the same 404
 * as for an id that does not exist, and the attempt lands in the audit log.
 */

let s: Seeded;

interface AuditRow {
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string | null;
}

const deniedRows = (): AuditRow[] =>
  s.db.$client.prepare("SELECT actor, action, subject_type, subject_id, detail FROM audit_log WHERE action = 'participant.denied' ORDER BY id").all() as AuditRow[];

const api = (method: string, path: string, token: string, body?: unknown) =>
  s.app.request(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

beforeAll(async () => {
  s = await seedApp({ demo: false });
});

describe('denied cross-organisation participant requests', () => {
  it('answers 404 through the API and records who tried what, with no personal data', async () => {
    const id = s.participantId;
    const before = deniedRows().length;
    const attempts: [string, string, string, unknown?][] = [
      ['GET', `/v1/participants/${id}`, 'participant.read'],
      ['PATCH', `/v1/participants/${id}`, 'participant.update', { name: 'Someone else' }],
      ['GET', `/v1/participants/${id}/matches`, 'participant.matches'],
      ['GET', `/v1/participants/${id}/transitions`, 'participant.transitions'],
      ['DELETE', `/v1/participants/${id}`, 'participant.erase'],
    ];
    for (const [method, path, , body] of attempts) {
      const res = await api(method, path, s.otherToken, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as { title: string }).title).toBe('Not Found');
    }
    const rows = deniedRows().slice(before);
    expect(rows).toEqual(
      attempts.map(([, , attempted]) => ({
        actor: `coach:${s.otherCoach.id}`,
        action: 'participant.denied',
        subject_type: 'participant',
        subject_id: String(id),
        detail: JSON.stringify({ attempted }),
      })),
    );
    expect(JSON.stringify(rows)).not.toContain('Jordan');
    // Nothing changed, nothing was erased.
    expect(s.db.$client.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(id)).toBe('Jordan Example');
  });

  it('records the attempt from the pages too', async () => {
    const before = deniedRows().length;
    const html = { Accept: 'text/html', Cookie: `fp_session=${s.otherSession}` };
    expect((await s.app.request(`/participants/${s.participantId}`, { headers: html })).status).toBe(404);
    const erase = await s.app.request(`/participants/${s.participantId}/erase`, {
      method: 'POST',
      headers: { ...html, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    });
    expect(erase.status).toBe(404);
    const rows = deniedRows().slice(before);
    expect(rows.map((r) => [r.actor, r.subject_id, r.detail])).toEqual([
      [`coach:${s.otherCoach.id}`, String(s.participantId), JSON.stringify({ attempted: 'participant.read' })],
      [`coach:${s.otherCoach.id}`, String(s.participantId), JSON.stringify({ attempted: 'participant.erase' })],
    ]);
  });

  it('records nothing for an id that exists nowhere or a read by the own organisation', async () => {
    const before = deniedRows().length;
    expect((await api('GET', '/v1/participants/999999', s.otherToken)).status).toBe(404);
    expect((await api('GET', '/v1/participants/not-an-id', s.otherToken)).status).toBe(404);
    expect((await api('GET', `/v1/participants/${s.participantId}`, s.token)).status).toBe(200);
    expect(deniedRows().length).toBe(before);
  });
});
