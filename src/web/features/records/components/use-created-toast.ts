import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useToast, type ToastAction } from '../../../components/ui/toast';
import type { DuplicateMatch } from '../api/keys';

const paths = { deal: '/deals', contact: '/contacts', company: '/companies' } as const;

/** "Contact added" with a button to open it, and any possible duplicates the API found. */
export function useCreatedToast() {
  const { t } = useTranslation('records');
  const toast = useToast();
  const navigate = useNavigate();
  return (
    kind: keyof typeof paths,
    record: { id: string; name: string },
    duplicates: DuplicateMatch[] = [],
  ) => {
    const actions: ToastAction[] = [
      { label: t('quickAdd.open'), onClick: () => navigate(`${paths[kind]}/${record.id}`) },
      ...duplicates.map((d) => ({
        label: t('duplicates.openOne', { name: d.name }),
        onClick: () => navigate(`${paths[kind]}/${d.id}`),
      })),
    ];
    const created = t(`quickAdd.created.${kind}`, { name: record.name });
    const message = duplicates.length
      ? `${created} ${t('duplicates.possible')} ${duplicates.map((d) => d.name).join(', ')}`
      : created;
    toast.show(message, 'info', actions);
  };
}
