import { defineConfig } from 'drizzle-kit';

// Migrations are generated from schema/*.ts with `npm run db:generate` and
// committed; openDb() applies them at start-up.
export default defineConfig({
  dialect: 'sqlite',
  schema: './schema/index.ts',
  out: './schema/migrations',
});
