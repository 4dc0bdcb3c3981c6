import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/preview-import';

type Props = {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange: (header: string, field: string) => void;
};

/** One line per column: its header, the field it fills (changeable), and its first value. */
export function MappingTable({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation('imports');
  return (
    <div className="settings-table-wrap">
      <table className="settings-table">
        <caption className="muted">{t('mappingHint')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('column')}</th>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('firstRow')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, index) => (
            <tr key={`${header}-${index}`}>
              <th scope="row">{header}</th>
              <td>
                <select
                  aria-label={`${t('field')}: ${header}`}
                  value={mapping[header] ?? ''}
                  onChange={(e) => onChange(header, e.target.value)}
                >
                  <option value="">{t('ignore')}</option>
                  {preview.fields.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted">{preview.sample[0]?.[index] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
