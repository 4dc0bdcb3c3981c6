import { useTranslation } from 'react-i18next';
import { csvHref } from '../api/report-query';

type Props = { report: string; params: Record<string, string | undefined>; title: string };

/** A plain link: the browser downloads the file with the session cookie, nothing in memory. */
export function CsvLink({ report, params, title }: Props) {
  const { t, i18n } = useTranslation('reports');
  return (
    <a
      className="btn btn-ghost reports-csv"
      href={csvHref(report, params, i18n.language)}
      download
      aria-label={t('csvLabel', { report: title })}
    >
      {t('csv')}
    </a>
  );
}
