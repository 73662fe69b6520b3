import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../src/db.ts';
import { setupEmployerApp, vacancy } from './employer-app.ts';

/**
 * Issue 11: an employer write waiting for the write lock held by another process (a CLI import) must
 * not freeze the server. Before, SQLite's busy timeout waited inside the handler's synchronous call and
 * /healthz beside writers took seconds.
 */
describe('employer writes behind another connection\'s write lock', () => {
  const opened: Db[] = [];
  let dir = '';
  afterEach(() => {
    for (const db of opened.splice(0)) closeDb(db);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the server keeps answering while a POST waits, and the POST is stored once the lock is free', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fp-write-lock-'));
    const path = join(dir, 'fp.db');
    const serverDb = openDb(path);
    const importer = openDb(path);
    opened.push(serverDb, importer);
    const t = setupEmployerApp({ db: serverDb });

    importer.$client.exec('BEGIN IMMEDIATE');
    let posted = false;
    const post = t.call('POST', '/v1/vacancies', { body: vacancy({ reference: 'LOCK-1' }) }).then((r) => ((posted = true), r));
    const health = await t.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(posted).toBe(false);
    importer.$client.exec('COMMIT');

    const res = await post;
    expect(res.status).toBe(201);
    const stored = serverDb.$client.prepare("SELECT count(*) AS n FROM vacancies WHERE source_ref = 'LOCK-1'").get() as { n: number };
    expect(stored.n).toBe(1);
  });
});
