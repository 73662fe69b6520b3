import { openDb, closeDb } from '../../src/db.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { describeEngineContract } from './engine-contract.ts';

describeEngineContract('sqlite (stores its own text)', async () => {
  const db = openDb(':memory:');
  return { engine: new SqliteEngine(db), cleanup: async () => closeDb(db) };
});
