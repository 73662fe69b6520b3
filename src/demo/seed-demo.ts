import { and, eq } from 'drizzle-orm';
import { coaches } from '../../schema/auth.ts';
import { createCoach } from '../auth/coaches.ts';
import { endCoachSessions } from '../auth/sessions.ts';
import { issueSecret } from '../auth/tokens.ts';
import type { Db } from '../db.ts';
import type { IngestDeps } from '../vacancies/ingest.ts';
import { addDemoHistory } from './history.ts';
import { hasNoVacancies, loadDemoVacancies } from './load-demo.ts';

export const DEMO_ORG = 'demo';
const DEMO_COACH_NAME = 'Demo coach';

/**
 * First start on an empty database: live demo vacancies through the normal
 * ingest path, then months of history behind them so trends and pivots show
 * something. Returns how many live vacancies were added (0 when the database
 * already had vacancies: demo data never mixes into real data).
 */
export function seedDemoData(deps: IngestDeps, count: number, onProgress?: (done: number, total: number) => void): number {
  if (!hasNoVacancies(deps.db)) return 0;
  const { stored } = loadDemoVacancies(deps, { count, onProgress });
  addDemoHistory(deps.db, { now: deps.now() });
  return stored;
}

/**
 * The demo coach's token. Tokens are stored only as hashes, so one cannot be
 * shown twice: each start issues the demo coach a fresh token (the demo
 * organisation holds nothing but demo data). The old token stops working,
 * and so do the page sessions signed in with it.
 */
export function issueDemoCoachToken(db: Db, now: number): string {
  const existing = db
    .select()
    .from(coaches)
    .where(and(eq(coaches.name, DEMO_COACH_NAME), eq(coaches.org, DEMO_ORG)))
    .get();
  if (!existing) return createCoach(db, { name: DEMO_COACH_NAME, org: DEMO_ORG }, now).token;
  const { secret, prefix, hash } = issueSecret('coach');
  db.$client.transaction(() => {
    db.update(coaches).set({ tokenPrefix: prefix, tokenHash: hash, revokedAt: null }).where(eq(coaches.id, existing.id)).run();
    endCoachSessions(db, existing.id);
  })();
  return secret;
}
