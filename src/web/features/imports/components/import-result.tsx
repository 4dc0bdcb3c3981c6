import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../api/run-import';

/** What a check or a run found: the problems by row and column, or the counts. */
export function ImportResult({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const { t } = useTranslation('imports');
  const counts = {
    rows: report.rows,
    created: report.created,
    already: report.alreadyImported,
  };
  if (report.problemCount === 0)
    return <p role="status">{t(dryRun ? 'checked' : 'imported', counts)}</p>;
  return (
    <div role="alert">
      <p className="field-error">{t('problems', { count: report.problemCount })}</p>
      <ul className="import-problems">
        {report.problems.map((p) => (
          <li key={`${p.row}-${p.column ?? ''}-${p.message}`}>
            <strong>
              {p.column
                ? t('rowColumn', { row: p.row, column: p.column })
                : t('row', { row: p.row })}
            </strong>
            : {p.message}
          </li>
        ))}
      </ul>
      {report.problemCount > report.problems.length && (
        <p className="muted">
          {t('more', { count: report.problemCount - report.problems.length })}
        </p>
      )}
    </div>
  );
}
