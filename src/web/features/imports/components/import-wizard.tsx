import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../session/use-me';
import {
  usePreviewImport,
  type ImportEntity,
  type ImportPresetChoice,
} from '../api/preview-import';
import { useRunImport, type ImportProgress } from '../api/run-import';
import { useUndoImport } from '../api/undo-import';
import { ImportResult } from './import-result';
import { MappingTable } from './mapping-table';

const ENTITIES: ImportEntity[] = ['companies', 'contacts', 'deals', 'activities'];
const LAYOUTS: ImportPresetChoice[] = ['auto', 'none', 'pipedrive', 'hubspot', 'salesforce'];
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Settings → Import: pick a file, see its columns matched to fields (and change them), check it
 * (a dry run listing every problem), import it, and undo it. The server does all the work with
 * the same import core as `pipewright import`.
 */
export function ImportWizard() {
  const { t } = useTranslation('imports');
  const me = useCurrentUser();
  const [entity, setEntity] = useState<ImportEntity>('deals');
  const [file, setFile] = useState<{ fileName: string; csv: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [layout, setLayout] = useState<ImportPresetChoice>('auto');
  const [tooBig, setTooBig] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const preview = usePreviewImport();
  const run = useRunImport();
  const undo = useUndoImport();
  if (me.role !== 'admin') return <p className="muted">{t('adminsOnly')}</p>;

  const load = async (
    next: { fileName: string; csv: string } | null,
    as: ImportEntity,
    read: ImportPresetChoice = layout,
  ) => {
    run.reset();
    undo.reset();
    setFile(next);
    if (!next) return;
    // The preview preselects the layout's mapping; the user edits from there.
    const shown = await preview.mutateAsync({ ...next, entity: as, map: {}, preset: read });
    setMapping(Object.fromEntries(shown.headers.map((h) => [h, shown.mapping[h] ?? ''])));
  };
  const pick = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setTooBig(!!chosen && chosen.size > MAX_BYTES);
    if (!chosen || chosen.size > MAX_BYTES) return load(null, entity);
    await load({ fileName: chosen.name, csv: await chosen.text() }, entity);
  };
  const start = (dryRun: boolean) => {
    if (!file) return;
    undo.reset();
    setProgress(null);
    // The run reads values as the layout the preview settled on (stage names, dates, links).
    const preset = preview.data?.preset ?? 'none';
    run.mutate({ ...file, entity, map: mapping, preset, dryRun, onProgress: setProgress });
  };
  const error = [preview.error, run.error, undo.error].find((e) => e) as Error | null | undefined;
  const problems =
    error instanceof ApiError ? (error.details?.problems as string[] | undefined) : undefined;
  // A run checks the whole file first, then imports; the label follows the pass in progress.
  const phaseLabel =
    (progress?.phase ?? (run.variables?.dryRun ? 'checking' : 'importing')) === 'checking'
      ? 'checking'
      : 'running';
  const done = run.data && !run.variables?.dryRun && run.data.problemCount === 0;

  return (
    <section className="settings-section" aria-labelledby="import-title">
      <header className="settings-header">
        <h2 id="import-title">{t('title')}</h2>
      </header>
      <p className="settings-intro muted">{t('intro')}</p>
      <div className="settings-inline-form">
        <label>
          {t('entity')}{' '}
          <select
            value={entity}
            onChange={(e) => {
              const next = e.target.value as ImportEntity;
              setEntity(next);
              void load(file, next);
            }}
          >
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`entities.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('layout')}{' '}
          <select
            value={layout}
            onChange={(e) => {
              const next = e.target.value as ImportPresetChoice;
              setLayout(next);
              void load(file, entity, next);
            }}
          >
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`layouts.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('file')}{' '}
          <input type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.currentTarget)} />
        </label>
      </div>
      {tooBig && <p className="field-error">{t('tooBig')}</p>}
      {error && (
        <div className="field-error" role="alert">
          <p>{error.message}</p>
          {problems && (
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {file && preview.data && (
        <>
          <h3>{t('mapping')}</h3>
          {preview.data.preset && (
            <p className="muted" role="status">
              {t('recognised', { crm: t(`layouts.${preview.data.preset}`) })}
            </p>
          )}
          <MappingTable
            preview={preview.data}
            mapping={mapping}
            onChange={(header, field) => setMapping((m) => ({ ...m, [header]: field }))}
          />
          <div className="settings-inline-form">
            <button
              type="button"
              className="btn"
              disabled={run.isPending}
              onClick={() => start(true)}
            >
              {t('check')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={run.isPending}
              onClick={() => start(false)}
            >
              {t('run')}
            </button>
          </div>
        </>
      )}
      {run.isPending && file && (
        <div role="status">
          <p>{t(phaseLabel, { name: file.fileName })}</p>
          <progress
            aria-label={file.fileName}
            max={progress?.totalBytes ?? 1}
            value={progress?.bytes ?? 0}
          />
          {progress && <span className="muted"> {t('rowsDone', { count: progress.rows })}</span>}
        </div>
      )}
      {run.data && !run.isPending && (
        <ImportResult report={run.data} dryRun={!!run.variables?.dryRun} />
      )}
      {done && !undo.data && (
        <button
          type="button"
          className="btn btn-danger"
          disabled={undo.isPending}
          onClick={() => undo.mutate(run.data.source)}
        >
          {t('undo')}
        </button>
      )}
      {undo.data && <p role="status">{t('undone', { records: undo.data.records })}</p>}
    </section>
  );
}
