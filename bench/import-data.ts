import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { createWorkspace, insertUser } from '../src/server/modules/workspaces/workspace-setup.js';

// The deals file the import benchmark reads: generated from a seed, so every run reads the same
// rows. Deals of the default Sales pipeline, 20 owners by email, 2,000 companies by name, about
// a quarter won and a sixth lost (with close times), amounts with cents.

const OPEN = [
  'Prospecting',
  'Qualification',
  'Demo / Meeting',
  'Proposal',
  'Negotiation & Commitment',
];
export const OWNERS = Array.from(
  { length: 20 },
  (_, i) => `rep${String(i + 1).padStart(2, '0')}@bench.invalid`,
);
const COMPANIES = 2000;
const DAY = 86_400_000;
const FROM = Date.UTC(2022, 0, 1);

/** mulberry32: small, fast and good enough to spread generated rows. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Writes `rows` deal rows to `path`; answers the file's size in bytes. */
export async function writeDealsCsv(path: string, rows: number, seed: number): Promise<number> {
  const next = random(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('Id,Title,Stage,Status,Value,Currency,Owner,Company,Created at,Closed at\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const roll = next();
    const status = roll < 0.25 ? 'won' : roll < 0.42 ? 'lost' : 'open';
    const stage = OPEN[Math.floor(next() * OPEN.length)] as string;
    const created = FROM + Math.floor(next() * 1200) * DAY + Math.floor(next() * DAY);
    const closed = status === 'open' ? '' : stamp(created + Math.floor(next() * 120 * DAY));
    const cents = Math.floor(next() * 10_000_000) + 10_000;
    const value = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const owner = OWNERS[Math.floor(next() * OWNERS.length)];
    const company = `Company ${String(Math.floor(next() * COMPANIES) + 1).padStart(4, '0')}`;
    chunk += `B${i},Deal ${i} for ${company},${stage},${status},${value},USD,${owner},${company},${stamp(created)},${closed}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** The workspace the rows go into: its admin, the default pipelines and the 20 owners. */
export async function setUpWorkspace(db: Kysely<DB>) {
  const { workspace } = await createWorkspace(db, {
    name: 'Import bench',
    admin: { email: 'admin@bench.invalid', name: 'Admin', role: 'admin', password: null },
  });
  for (const [i, email] of OWNERS.entries())
    await insertUser(db, workspace.id, {
      email,
      name: `Rep ${i + 1}`,
      role: 'rep',
      password: null,
    });
  return workspace.id;
}
