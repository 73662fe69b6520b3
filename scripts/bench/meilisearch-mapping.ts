/**
 * The client-side cost of the Meilisearch engine, which runs without a
 * Meilisearch server: mapping vacancies to Meilisearch documents (one per
 * place, with stemmed searchable text: the part that adds to the drainer's
 * hot path), mapping a SearchQuery to search parameters, and mapping a
 * 20-hit response back. Server-side indexing and search latency need a real
 * Meilisearch: run the search/ingest benchmarks with SEARCH_ENGINE=meilisearch.
 *
 *   npx tsx scripts/bench/meilisearch-mapping.ts [--docs 20000]
 */
import { closeDb, openDb } from '../../src/db.ts';
import { loadLiveDocumentsAfter } from '../../src/search/load-documents.ts';
import type { SearchDocument } from '../../src/search/engine.ts';
import { toMeiliDocuments } from '../../src/search/meilisearch/document.ts';
import { toSearchParams } from '../../src/search/meilisearch/query.ts';
import { toSearchResult, type MeiliSearchResponse } from '../../src/search/meilisearch/result.ts';
import { numberArg, report } from './lib/args.ts';
import { BENCH_QUERIES, generateVacancy, pickPlace } from './lib/generate.ts';
import { createRandom } from '../../src/random.ts';
import { upsertVacancies, type UpsertInput } from '../../src/vacancies/store.ts';

const n = numberArg('docs', 20_000);
const now = Date.parse('2026-03-01T09:00:00Z');
const rng = createRandom(11);

// Documents as the outbox drainer builds them: stored vacancies read back through the one mapper.
const db = openDb(':memory:');
for (let i = 0; i < n; i += 1000) {
  const inputs: UpsertInput[] = [];
  for (let j = i; j < Math.min(n, i + 1000); j++) inputs.push({ source: 'bench', vacancy: generateVacancy(rng, j, now) });
  upsertVacancies(db, inputs, now);
}
const docs: SearchDocument[] = [];
for (let batch = loadLiveDocumentsAfter(db, 0, 5000); batch.length; batch = loadLiveDocumentsAfter(db, batch.at(-1)!.id, 5000)) docs.push(...batch);
closeDb(db);
const avgKb = docs.reduce((s, d) => s + d.description.length, 0) / docs.length / 1024;

let t = performance.now();
let meiliDocs = 0;
let bytes = 0;
for (const d of docs) {
  const mapped = toMeiliDocuments(d);
  meiliDocs += mapped.length;
  if (d.id % 100 === 0) bytes += JSON.stringify(mapped).length;
}
const mapSeconds = (performance.now() - t) / 1000;

const queries = 50_000;
t = performance.now();
for (let i = 0; i < queries; i++) {
  const place = pickPlace(rng);
  toSearchParams({
    q: BENCH_QUERIES[i % BENCH_QUERIES.length],
    near: { lat: place[2], lon: place[3], radiusKm: 15 },
    filters: { contract: ['permanent'] },
    facets: ['sector', 'contract', 'remote', 'employmentType'],
  });
}
const querySeconds = (performance.now() - t) / 1000;

const response: MeiliSearchResponse = {
  hits: docs.slice(0, 20).map((d) => ({
    vacancyId: d.id,
    places: d.places,
    _rankingScore: 0.5,
    _formatted: { title: `\uE000${d.title}\uE001`, description: d.description.split(/\s+/).slice(0, 32).join(' ') },
  })),
  totalHits: 1234,
  facetDistribution: { sector: { Q: 500, H: 400 }, contract: { permanent: 900 } },
};
const results = 20_000;
t = performance.now();
for (let i = 0; i < results; i++) {
  toSearchResult(response, { near: { lat: 53.8, lon: -1.55, radiusKm: 15 }, facets: ['sector', 'contract'] });
}
const resultSeconds = (performance.now() - t) / 1000;

report('meili_description_avg', avgKb, 'KB');
report('meili_document_mapping', Math.round(n / mapSeconds), 'vacancies/s');
report('meili_documents_per_vacancy', meiliDocs / n, 'docs');
report('meili_document_json_avg', bytes / Math.ceil(n / 100) / 1024 / (meiliDocs / n), 'KB');
report('meili_query_mapping', Math.round(queries / querySeconds), 'queries/s');
report('meili_result_mapping_20_hits', Math.round(results / resultSeconds), 'responses/s');
