import { undoDefuse } from '../../../domain/csv.js';
import { readCsv, type CsvFormat } from '../../../domain/csv-reader.js';
import { mapColumns, MappingError, type ColumnMapping } from './column-mapping.js';
import {
  detectPreset,
  presetOverrides,
  presets,
  type CrmPreset,
  type PresetId,
} from './crm-presets.js';
import type { ImportableEntity, ImportField } from './import-fields.js';
import type { Cell, RowInput } from './row-check.js';

/** Rows for an import, read afresh from the start for each pass over the file. */
export type RowSource = {
  rows: () => AsyncIterable<RowInput>;
  /** Whether amounts use a decimal comma (known once the first row has been read). */
  decimalComma: () => boolean;
  /** The CRM export layout the file is read as (known once the header has been read). */
  preset: () => CrmPreset | null;
};

/** A preset by name, 'none' for header names alone, or 'auto': detected from the header row. */
export type PresetChoice = PresetId | 'none' | 'auto';

export type CsvSourceHooks = {
  onBytes?: (bytes: number) => void;
  onHeader?: (mapping: ColumnMapping, format: CsvFormat) => void;
  /** The preset the header row is read with (chosen or detected), before it is mapped. */
  onPreset?: (detection: { preset: CrmPreset; recognised: number | null } | null) => void;
};

/** The preset for a header row, and the --map pairs it gives under the user's own. */
export function presetMapping(
  entity: ImportableEntity,
  headers: readonly string[],
  overrides: ReadonlyMap<string, string>,
  choice: PresetChoice,
) {
  const detection =
    choice === 'none'
      ? null
      : choice === 'auto'
        ? detectPreset(entity, headers)
        : { preset: presets[choice], recognised: null };
  const read = detection
    ? presetOverrides(detection.preset, entity, headers, overrides)
    : { overrides: new Map(overrides), alternates: new Map<ImportField, string[]>() };
  return { detection, ...read };
}

/** The rows of a CSV file, matched to the entity's fields by its header and the user's --map. */
export function csvRowSource(
  open: () => AsyncIterable<Uint8Array>,
  entity: ImportableEntity,
  overrides: ReadonlyMap<string, string>,
  hooks: CsvSourceHooks = {},
  choice: PresetChoice = 'none',
): RowSource {
  let format: CsvFormat | undefined;
  let preset: CrmPreset | null = null;
  const standIns = new Map<ImportField, { index: number; header: string }[]>();
  async function* rows(): AsyncGenerator<RowInput> {
    let headers: string[] | undefined;
    let mapping: ColumnMapping | undefined;
    for await (const record of readCsv(open(), {
      onFormat: (f) => (format = f),
      ...(hooks.onBytes && { onBytes: hooks.onBytes }),
    })) {
      if (!headers || !mapping) {
        headers = record.fields.map((h) => h.trim());
        const read = presetMapping(entity, headers, overrides, choice);
        preset = read.detection?.preset ?? null;
        hooks.onPreset?.(read.detection);
        mapping = mapColumns(entity, headers, read.overrides);
        // Stand-in columns for a field, as long as the mapping still reads it from the preset's.
        for (const [field, columns] of read.alternates)
          if (mapping.columns.has(field))
            standIns.set(
              field,
              columns.map((header) => ({ index: headers!.indexOf(header), header })),
            );
        hooks.onHeader?.(mapping, format as CsvFormat);
        continue;
      }
      const cells = new Map<ImportField, Cell>();
      for (const [field, { index, header }] of mapping.columns) {
        let cell = { text: undoDefuse(record.fields[index] ?? ''), column: header };
        for (const other of standIns.get(field) ?? []) {
          if (cell.text.trim()) break;
          cell = { text: undoDefuse(record.fields[other.index] ?? ''), column: other.header };
        }
        cells.set(field, cell);
      }
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
  return { rows, decimalComma: () => format?.delimiter === ';', preset: () => preset };
}
