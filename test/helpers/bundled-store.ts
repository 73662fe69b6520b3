import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

/**
 * An in-memory store with the bundled taxonomy and the real ingest ports
 * (enricher, offline geocoder) on a fixed clock at `now`: what `npm start`
 * runs on, for tests that seed through the ingest path.
 */
export function bundledStore(now: number) {
  const db = openDb(':memory:');
  const clock = fixedClock(now);
  ensureBundledTaxonomy(db, now);
  const taxonomy = loadTaxonomy(db);
  const enricher = createEnricher(taxonomy, db);
  const geocoder = createGeocoder(db);
  const ingest = { db, now: clock, enricher, geocoder };
  return { db, clock, taxonomy, enricher, geocoder, ingest };
}
