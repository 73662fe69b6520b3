import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { employers } from './employers.ts';

/**
 * Employer API keys. Only a SHA-256 of the key is stored; `prefix` (the
 * key's first characters, not secret) finds the row without a scan.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    employerId: integer('employer_id').notNull().references(() => employers.id),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    label: text('label'),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_keys_prefix_idx').on(t.prefix)],
);

/**
 * Coaches (and operators) who call the coach API with a bearer token. `org`
 * scopes participant data: a coach sees only their organisation's people.
 */
export const coaches = sqliteTable(
  'coaches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    org: text('org').notNull(),
    role: text('role', { enum: ['coach', 'operator'] }).notNull().default('coach'),
    tokenPrefix: text('token_prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('coaches_token_prefix_idx').on(t.tokenPrefix)],
);

/**
 * Coach page sessions. The browser holds a random 32-byte id; only its
 * SHA-256 is stored, so a copy of the database cannot be replayed as a
 * cookie. A session ends at sign-out, after `idle` without a request, at its
 * absolute expiry, or when the coach's token is revoked or reissued.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    coachId: integer('coach_id')
      .notNull()
      .references(() => coaches.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_coach_idx').on(t.coachId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

/**
 * Employer page sessions (the /employer pages for employers without an ATS).
 * Like coach sessions: the browser holds a random id, only its SHA-256 is
 * stored. Tied to the API key signed in with, so revoking that key ends its
 * sessions (and deleting the key deletes them).
 */
export const employerSessions = sqliteTable(
  'employer_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    apiKeyId: integer('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('employer_sessions_key_idx').on(t.apiKeyId), index('employer_sessions_last_seen_idx').on(t.lastSeenAt)],
);
