import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../domain/errors.js';
import { newSecret, secretHash } from '../../../domain/secrets.js';
import type { Actor } from './actor.js';

const TOKEN_PREFIX = 'pw_';

const toToken = (row: {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** A personal API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(db: Kysely<DB>, userId: string, name: string) {
  const token = newSecret(TOKEN_PREFIX);
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: secretHash(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toToken(row), token };
}

export async function listApiTokens(db: Kysely<DB>, actor: Actor) {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', actor.id)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toToken);
}

export async function revokeApiToken(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', actor.id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('API token');
}
