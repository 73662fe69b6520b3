// Every table, one file per area. drizzle-kit reads this file to generate
// migrations; openDb() applies them.
export * from './employers.ts';
export * from './vacancies.ts';
export * from './auth.ts';
export * from './outbox.ts';
export * from './audit.ts';
export * from './scrape.ts';
export * from './participants.ts';
export * from './taxonomy.ts';
export * from './geo.ts';
export * from './dedupe.ts';
export * from './employer-api.ts';
export * from './demand.ts';
export * from './shortlist.ts';
