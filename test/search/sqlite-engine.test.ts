import { openDb, closeDb } from '../../src/db.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { describeEngineContract } from './engine-contract.ts';

describeEngineContract('sqlite (stores its own text)', async () => {
  const db = openDb(':memory:');
  return { engine: new SqliteEngine(db), cleanup: async () => closeDb(db) };
});

// The same contract with the date-ordered scan bounded to 40 documents
// (sqlite-search.ts, newestNearByDate): small pages are found within the
// bound, larger ones fall back to the MATCH path, and both must answer alike.
describeEngineContract('sqlite (date scan bounded to 40 documents)', async () => {
  const db = openDb(':memory:');
  return { engine: new SqliteEngine(db, { dateScanRows: 40 }), cleanup: async () => closeDb(db) };
});
