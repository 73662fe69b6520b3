import type { Db } from '../db.ts';
import { ensureBundledTaxonomy } from './bundled-import.ts';
import type { Taxonomy } from './model.ts';
import { loadTaxonomy } from './store.ts';

/**
 * The taxonomy production answers with: the bundled UK taxonomy (loaded into
 * the database first if this exact version is not there yet) plus whatever an
 * operator imported beside it (ESCO, O*NET). The server, the scrape job and
 * every CLI command read it through here, so an operator's check on a fresh
 * database shows what the server would do rather than an empty store.
 */
export function loadServedTaxonomy(db: Db, now: number = Date.now()): Taxonomy {
  ensureBundledTaxonomy(db, now);
  return loadTaxonomy(db);
}
