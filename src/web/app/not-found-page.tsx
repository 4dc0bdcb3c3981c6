import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/ui/empty-state';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('state.notFound')}>
      <p>{t('state.notFoundBody')}</p>
      <Link to="/board">{t('nav.board')}</Link>
    </EmptyState>
  );
}
