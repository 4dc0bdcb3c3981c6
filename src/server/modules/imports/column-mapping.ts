import {
  fieldForHeader,
  fieldsOf,
  headerKey,
  requiredFields,
  type ImportableEntity,
  type ImportField,
} from './import-fields.js';

/** A mapping the user must fix (a --map naming no column, a required field without a column). */
export class MappingError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'MappingError';
  }
}

/** Which column (by index, with its header) feeds each field; columns no field reads. */
export type ColumnMapping = {
  columns: Map<ImportField, { index: number; header: string }>;
  ignored: string[];
};

/**
 * Matches the header row to fields: `--map column=field` first (`column=` ignores a column), then
 * header names on their own. Two columns for one field, or a field the entity has not, are refused.
 */
export function mapColumns(
  entity: ImportableEntity,
  headers: readonly string[],
  overrides: ReadonlyMap<string, string>,
): ColumnMapping {
  const problems: string[] = [];
  const fields = fieldsOf[entity];
  const chosen = new Map<number, ImportField | null>();
  for (const [column, field] of overrides) {
    const index = headers.findIndex((h) => headerKey(h) === headerKey(column));
    if (index < 0) {
      problems.push(
        `--map ${column}=${field}: the file has no column "${column}" (it has ${quoteList(headers)})`,
      );
      continue;
    }
    if (field !== '' && !fields.includes(field as ImportField)) {
      problems.push(
        `--map ${column}=${field}: ${entity} have no field "${field}" (they have ${fields.join(', ')})`,
      );
      continue;
    }
    chosen.set(index, field === '' ? null : (field as ImportField));
  }
  const columns = new Map<ImportField, { index: number; header: string }>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = chosen.has(index) ? chosen.get(index) : fieldForHeader(entity, header);
    if (!field) {
      ignored.push(header);
      return;
    }
    const taken = columns.get(field);
    if (taken) {
      problems.push(
        `columns "${taken.header}" and "${header}" both give ${field}; choose one with --map "${header}=" or --map "${taken.header}="`,
      );
      return;
    }
    columns.set(field, { index, header });
  });
  for (const field of requiredFields[entity])
    if (!columns.has(field))
      problems.push(`no column gives ${field}; name one with --map "<column>=${field}"`);
  if (
    entity === 'contacts' &&
    !columns.has('name') &&
    !columns.has('firstName') &&
    !columns.has('lastName')
  )
    problems.push(
      'no column gives name (or firstName / lastName); name one with --map "<column>=name"',
    );
  if (problems.length) throw new MappingError(problems);
  return { columns, ignored };
}

const quoteList = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');
