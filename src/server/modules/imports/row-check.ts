import type { Parsed } from '../../../domain/import-values.js';
import type { ImportField } from './import-fields.js';

/** Where problems go; the runner keeps the first few hundred and counts the rest. */
export type ProblemSink = { push: (problem: Problem) => void };

/** One cell of a row, with the column it came from (named in every problem about it). */
export type Cell = { text: string; column: string };

/** A data row as the importers read it: fields already matched to columns. */
export type RowInput = {
  row: number;
  line: number;
  cells: ReadonlyMap<ImportField, Cell>;
  /** The row as read, for an id when the file has no id column. */
  raw: readonly string[];
  /** Something wrong with the row as a whole (too many or too few fields). */
  problem?: string | undefined;
};

/** What is wrong with one row: where (row, line, column) and what. */
export type Problem = { row: number; line: number; column: string | null; message: string };

export function describeProblem(p: Problem): string {
  const where = p.row === p.line ? `row ${p.row}` : `row ${p.row} (line ${p.line})`;
  return p.column ? `${where}, column "${p.column}": ${p.message}` : `${where}: ${p.message}`;
}

/**
 * Reads one row's cells and collects its problems; every check names the column, so a user can go
 * straight to the cell. `ok` stays true until the first problem.
 */
export class RowCheck {
  ok = true;

  constructor(
    readonly input: RowInput,
    private readonly problems: ProblemSink,
  ) {}

  /** The trimmed text of a field; empty when the field has no column. */
  text(field: ImportField): string {
    return this.input.cells.get(field)?.text.trim() ?? '';
  }

  fail(field: ImportField | null, message: string): null {
    this.ok = false;
    const cell = field === null ? undefined : this.input.cells.get(field);
    this.problems.push({
      row: this.input.row,
      line: this.input.line,
      column: cell?.column ?? null,
      // A field without a column is named as the field, with the way to give it one.
      message:
        field === null || cell
          ? message
          : `${field} ${message} (the file has no column for it; name one with --map "<column>=${field}")`,
    });
    return null;
  }

  required(field: ImportField): string | null {
    const text = this.text(field);
    return text ? text : this.fail(field, 'is empty; a value is required');
  }

  /** The parsed value, null when the cell is empty, or null with a problem when it is wrong. */
  parse<T>(field: ImportField, parser: (text: string) => Parsed<T>): T | null {
    const text = this.text(field);
    if (!text) return null;
    const parsed = parser(text);
    return parsed.ok ? parsed.value : this.fail(field, parsed.message);
  }
}
