import type { Kysely } from 'kysely';
import { defaultDealColumns, type DealColumn } from '../../../contracts/views.js';
import type { DB } from '../../../db/schema.js';
import { CSV_BOM, csvRow } from '../../../domain/csv.js';
import { notFound } from '../../../domain/errors.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { sortColumns, type DealSort } from '../deals/deal-sort.js';
import * as deals from '../deals/deals.repository.js';
import * as pipelines from '../pipelines/pipelines.repository.js';
import { afterKey, type CursorKey } from '../shared/cursor.js';
import { cellOf, headers, type ExportLookups } from './deal-csv-columns.js';

export const EXPORT_BATCH = 1000;

export type DealExportInput = deals.DealFilters & {
  sort: DealSort;
  order: 'asc' | 'desc';
  columns?: DealColumn[] | undefined;
  lang: 'en' | 'vi';
};

const dateTimeIn = (timeZone: string) =>
  // Swedish formatting is ISO-like ("2025-03-04 12:06:07"), which spreadsheets read as a date.
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

/**
 * Resolves everything that can fail (workspace, names) before the first byte is sent; the
 * returned generator then yields the file in keyset batches, so 100k deals never sit in memory.
 */
export async function prepareDealExport(
  db: Kysely<DB>,
  actor: Actor,
  input: DealExportInput,
  batchSize = EXPORT_BATCH,
) {
  const scope = await scopeOf(db, actor);
  const workspace = await db
    .selectFrom('workspaces')
    .select('timezone')
    .where('id', '=', actor.workspaceId)
    .executeTakeFirst();
  if (!workspace) throw notFound('Workspace');
  const [pipelineRows, stageRows] = await Promise.all([
    pipelines.findPipelines(db, actor.workspaceId),
    pipelines.findStages(db, actor.workspaceId),
  ]);
  const pipelineNames = new Map(pipelineRows.map((p) => [p.id, p.name]));
  const stageNames = new Map(stageRows.map((s) => [s.id, s.name]));
  const format = dateTimeIn(workspace.timezone);
  const today = format.format(new Date()).slice(0, 10);
  const columns = input.columns ?? defaultDealColumns;
  const lookups: Omit<ExportLookups, 'contactNames'> = {
    stageName: (id) => stageNames.get(id) ?? '',
    pipelineName: (id) => pipelineNames.get(id) ?? '',
    localTime: (iso) => format.format(new Date(iso)),
  };

  async function* lines(): AsyncGenerator<string> {
    yield CSV_BOM + csvRow(columns.map((c) => headers[input.lang][c]));
    for await (const batch of dealBatches(db, scope, input, batchSize)) {
      const contactNames = await contactNameLookup(
        db,
        scope.workspaceId,
        batch.flatMap((d) => d.contactIds),
      );
      yield batch
        .map((d) => csvRow(columns.map((c) => cellOf[c](d, { ...lookups, contactNames }))))
        .join('');
    }
  }

  return { filename: `deals-${today}.csv`, lines };
}

/** The filtered, sorted deals in batches, each batch starting after the last row of the one before. */
async function* dealBatches(
  db: Kysely<DB>,
  scope: Scope,
  input: DealExportInput,
  batchSize: number,
) {
  const column = sortColumns[input.sort];
  const batchAfter = (after: CursorKey | null) =>
    deals
      .applyDealFilters(deals.selectDeals(db), scope, input)
      // The cursor is the sort value as SQL computed it, so no JS re-computation can drift from it.
      .select(column.expr.as('sort_key'))
      .$if(after !== null, (q) =>
        q.where(afterKey(column, input.order, after as CursorKey, 'deals.id')),
      )
      .orderBy(column.expr, input.order)
      .orderBy('deals.id', input.order)
      .limit(batchSize)
      .execute();
  let after: CursorKey | null = null;
  for (;;) {
    const rows = await batchAfter(after);
    if (rows.length) yield rows.map(deals.toDeal);
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    const key = last.sort_key;
    after = { v: key instanceof Date ? key.toISOString() : (key as string | number), id: last.id };
  }
}

async function contactNameLookup(db: Kysely<DB>, workspaceId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db
        .selectFrom('contacts')
        .select(['id', 'name'])
        .where('id', 'in', unique)
        .where('workspace_id', '=', workspaceId)
        .execute()
    : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (contactIds: string[]) =>
    contactIds
      .map((id) => names.get(id))
      .filter((n): n is string => !!n)
      .sort((a, b) => a.localeCompare(b))
      .join('; ');
}
