import { undoDefuse } from '../../../domain/csv.js';
import { readCsv, type CsvFormat } from '../../../domain/csv-reader.js';
import { mapColumns, MappingError, type ColumnMapping } from './column-mapping.js';
import type { ImportableEntity, ImportField } from './import-fields.js';
import type { Cell, RowInput } from './row-check.js';

/** Rows for an import, read afresh from the start for each pass over the file. */
export type RowSource = {
  rows: () => AsyncIterable<RowInput>;
  /** Whether amounts use a decimal comma (known once the first row has been read). */
  decimalComma: () => boolean;
};

export type CsvSourceHooks = {
  onBytes?: (bytes: number) => void;
  onHeader?: (mapping: ColumnMapping, format: CsvFormat) => void;
};

/** The rows of a CSV file, matched to the entity's fields by its header and the user's --map. */
export function csvRowSource(
  open: () => AsyncIterable<Uint8Array>,
  entity: ImportableEntity,
  overrides: ReadonlyMap<string, string>,
  hooks: CsvSourceHooks = {},
): RowSource {
  let format: CsvFormat | undefined;
  async function* rows(): AsyncGenerator<RowInput> {
    let headers: string[] | undefined;
    let mapping: ColumnMapping | undefined;
    for await (const record of readCsv(open(), {
      onFormat: (f) => (format = f),
      ...(hooks.onBytes && { onBytes: hooks.onBytes }),
    })) {
      if (!headers || !mapping) {
        headers = record.fields.map((h) => h.trim());
        mapping = mapColumns(entity, headers, overrides);
        hooks.onHeader?.(mapping, format as CsvFormat);
        continue;
      }
      const cells = new Map<ImportField, Cell>();
      for (const [field, { index, header }] of mapping.columns)
        cells.set(field, { text: undoDefuse(record.fields[index] ?? ''), column: header });
      const count = record.fields.length;
      yield {
        row: record.row,
        line: record.line,
        cells,
        raw: record.fields,
        problem:
          count === headers.length
            ? undefined
            : `has ${count} fields but the header has ${headers.length}; check the quotes and delimiters on this line`,
      };
    }
    if (!headers) throw new MappingError(['the file is empty: it has no header row']);
  }
  return { rows, decimalComma: () => format?.delimiter === ';' };
}
