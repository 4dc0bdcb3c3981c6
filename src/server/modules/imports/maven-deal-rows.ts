import { createReadStream } from 'node:fs';
import { readCsv } from '../../../domain/csv-reader.js';
import { MappingError } from './column-mapping.js';
import type { RowSource } from './csv-rows.js';
import type { ImportField } from './import-fields.js';
import type { Cell, RowInput } from './row-check.js';

const COLUMNS = [
  'opportunity_id',
  'sales_agent',
  'product',
  'account',
  'deal_stage',
  'engage_date',
  'close_date',
  'close_value',
] as const;
type Column = (typeof COLUMNS)[number];

/** Product names differ across the files ("GTX Pro" / "GTXPro"): compare letters and digits. */
export const productKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * sales_pipeline.csv as deal rows. engage_date is when the deal entered Engaging, so a deal with
 * one was created there and then; a prospect without one is created at import time. Won and lost
 * deals are worth their close_value, open ones the list price of their product.
 */
export function mavenDealRows(
  path: string,
  prices: ReadonlyMap<string, string>,
  onBytes?: (bytes: number) => void,
): RowSource {
  async function* rows(): AsyncGenerator<RowInput> {
    let index: Map<Column, number> | undefined;
    for await (const record of readCsv(createReadStream(path), onBytes ? { onBytes } : {})) {
      if (!index) {
        const header = record.fields.map((h) => h.trim());
        const missing = COLUMNS.filter((c) => !header.includes(c));
        if (missing.length) throw new MappingError([`${path} has no column ${missing.join(', ')}`]);
        index = new Map(COLUMNS.map((c) => [c, header.indexOf(c)]));
        continue;
      }
      const at = index;
      const get = (c: Column) => (record.fields[at.get(c) as number] ?? '').trim();
      const cells = new Map<ImportField, Cell>();
      const set = (field: ImportField, text: string, column: string) =>
        cells.set(field, { text, column });
      const stage = get('deal_stage');
      const closed = ['won', 'lost'].includes(stage.toLowerCase());
      const account = get('account');
      const product = get('product');
      set('externalId', get('opportunity_id'), 'opportunity_id');
      set(
        'title',
        account ? `${account} – ${product}` : `${product} (${get('opportunity_id')})`,
        'account',
      );
      set('pipeline', 'Maven CRM', 'pipeline');
      set('stage', stage, 'deal_stage');
      if (get('engage_date')) set('createdInStage', 'Engaging', 'engage_date');
      set('owner', get('sales_agent'), 'sales_agent');
      set('company', account, 'account');
      set('createdAt', get('engage_date'), 'engage_date');
      set('closedAt', get('close_date'), 'close_date');
      set('currency', 'USD', 'currency');
      const price = prices.get(productKey(product));
      if (closed) set('value', get('close_value'), 'close_value');
      else if (price !== undefined) set('value', price, 'products.csv sales_price');
      yield {
        row: record.row,
        line: record.line,
        cells,
        raw: record.fields,
        problem:
          !closed && price === undefined
            ? `column "product": "${product}" is not in products.csv, so the open deal has no value`
            : undefined,
      };
    }
  }
  return { rows, decimalComma: () => false, preset: () => null };
}
