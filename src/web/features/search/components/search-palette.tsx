import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../search.css';
import { SearchBox } from './search-box';

/** Ctrl/Cmd+K: one box to find any deal, contact or company, driven by the keyboard. */
export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('search');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="search-palette"
      aria-label={t('title')}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      {open && <SearchBox onClose={onClose} />}
    </dialog>
  );
}
