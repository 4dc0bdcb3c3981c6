import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { CSV_BOM, csvRow, decimalAmount, type CsvCell } from '../../../domain/csv.js';
import { currencyExponent } from '../../../domain/money.js';
import type { ImportableEntity } from '../imports/import-fields.js';

// Each entity's CSV holds exactly what its importer reads back, under headers the importer
// matches on their own: `pipewright import <entity>` takes these files without any --map. Owners
// are written by email (names need not be unique); times as ISO 8601 in UTC, exact to the
// millisecond; activities name their deal by the id the deals file gives it.

type Row = Record<string, unknown>;
type Column = { header: string; cell: (r: Row) => CsvCell };

const text = (key: string) => (r: Row) => (r[key] as string | null) ?? null;
const iso = (key: string) => (r: Row) => (r[key] ? (r[key] as Date).toISOString() : null);

export const entityColumns: Record<ImportableEntity, Column[]> = {
  companies: [
    { header: 'Id', cell: text('id') },
    { header: 'Name', cell: text('name') },
    { header: 'Website', cell: text('website') },
    { header: 'Phone', cell: text('phone') },
    { header: 'Industry', cell: text('industry') },
    { header: 'Address', cell: text('address') },
    { header: 'Owner', cell: text('owner_email') },
  ],
  contacts: [
    { header: 'Id', cell: text('id') },
    { header: 'Name', cell: text('name') },
    { header: 'Email', cell: text('email') },
    { header: 'Phone', cell: text('phone') },
    { header: 'Job title', cell: text('job_title') },
    { header: 'Company', cell: text('company_name') },
    { header: 'Owner', cell: text('owner_email') },
  ],
  deals: [
    { header: 'Id', cell: text('id') },
    { header: 'Title', cell: text('title') },
    { header: 'Pipeline', cell: text('pipeline_name') },
    { header: 'Stage', cell: text('stage_name') },
    { header: 'Created in stage', cell: text('created_in_stage') },
    { header: 'Status', cell: text('status') },
    {
      header: 'Value',
      cell: (r) => decimalAmount(r.value_minor as number, currencyExponent(r.currency as string)),
    },
    { header: 'Currency', cell: text('currency') },
    { header: 'Owner', cell: text('owner_email') },
    { header: 'Company', cell: text('company_name') },
    { header: 'Expected close date', cell: text('expected_close_date') },
    { header: 'Source', cell: text('source') },
    { header: 'Lost reason', cell: text('lost_reason') },
    { header: 'Probability (%)', cell: (r) => (r.probability as number | null) ?? null },
    { header: 'Created at', cell: iso('created_at') },
    { header: 'Entered stage at', cell: iso('stage_entered_at') },
    { header: 'Closed at', cell: iso('closed_at') },
  ],
  activities: [
    { header: 'Id', cell: text('id') },
    { header: 'Type', cell: text('type') },
    { header: 'Subject', cell: text('subject') },
    { header: 'Body', cell: text('body') },
    { header: 'Due at', cell: iso('due_at') },
    { header: 'Duration (minutes)', cell: (r) => (r.duration_minutes as number | null) ?? null },
    { header: 'Done', cell: (r) => (r.done ? 'yes' : 'no') },
    { header: 'Done at', cell: iso('done_at') },
    { header: 'Owner', cell: text('owner_email') },
    { header: 'Deal id', cell: text('deal_id') },
    { header: 'Contact', cell: text('contact_email') },
    { header: 'Company', cell: text('company_name') },
  ],
};

const ownerEmail = sql<string | null>`(select email from users u where u.id = t.owner_id)`;
const companyName = sql<string | null>`(select name from companies c where c.id = t.company_id)`;

/** One entity's rows after a given id, with the names its columns need. */
function pageOf(
  db: Kysely<DB>,
  entity: ImportableEntity,
  workspaceId: string,
  after: string,
  limit: number,
) {
  const where = sql`t.workspace_id = ${workspaceId} and t.id > ${after} order by t.id limit ${limit}`;
  switch (entity) {
    case 'companies':
      return sql<Row>`select t.*, ${ownerEmail} as owner_email from companies t where ${where}`;
    case 'contacts':
      return sql<Row>`select t.*, ${ownerEmail} as owner_email, ${companyName} as company_name
        from contacts t where ${where}`;
    case 'deals':
      return sql<Row>`select t.*, ${ownerEmail} as owner_email, ${companyName} as company_name,
          (select name from pipelines p where p.id = t.pipeline_id) as pipeline_name,
          (select name from stages s where s.id = t.stage_id) as stage_name,
          (select s.name from deal_events e join stages s on s.id = e.to_stage_id
           where e.deal_id = t.id and e.type = 'created' and s.kind = 'open'
           order by e.id limit 1) as created_in_stage
        from deals t where ${where}`;
    case 'activities':
      return sql<Row>`select t.*, ${ownerEmail} as owner_email, ${companyName} as company_name,
          (select email from contacts c where c.id = t.contact_id) as contact_email
        from activities t where ${where}`;
  }
}

/** The entity's CSV, a batch of rows at a time (keyset by id), so memory holds one batch. */
export async function* entityCsv(
  db: Kysely<DB>,
  entity: ImportableEntity,
  workspaceId: string,
  batchSize = 1000,
): AsyncGenerator<{ text: string; rows: number }> {
  const columns = entityColumns[entity];
  yield { text: CSV_BOM + csvRow(columns.map((c) => c.header)), rows: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = (await pageOf(db, entity, workspaceId, after, batchSize).execute(db)).rows;
    if (page.length)
      yield {
        text: page.map((r) => csvRow(columns.map((c) => c.cell(r)))).join(''),
        rows: page.length,
      };
    if (page.length < batchSize) return;
    after = page.at(-1)!.id as string;
  }
}
