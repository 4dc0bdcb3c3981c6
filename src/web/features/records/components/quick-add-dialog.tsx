import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog';
import '../records.css';
import { QuickAddCompany } from './quick-add-company';
import { QuickAddContact } from './quick-add-contact';
import { QuickAddDeal } from './quick-add-deal';

const tabs = ['deal', 'contact', 'company'] as const;
type Tab = (typeof tabs)[number];

/** Add a deal, contact or company from anywhere (N, or the + button). */
export function QuickAddDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('records');
  const [tab, setTab] = useState<Tab>('deal');
  const panel = useRef<HTMLDivElement>(null);
  // Each opening starts on a deal with the cursor in the first box (after the native dialog
  // has placed its own focus).
  useEffect(() => {
    if (!open) return;
    setTab('deal');
    const timer = setTimeout(() => panel.current?.querySelector<HTMLElement>('input')?.focus());
    return () => clearTimeout(timer);
  }, [open]);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    deal: null,
    contact: null,
    company: null,
  });

  // Tabs pattern: arrows move between tabs, Tab goes into the form.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] as Tab;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <Dialog open={open} title={t('quickAdd.title')} onClose={onClose}>
      <div data-testid="quick-add" className="rec-quick-add">
        <div
          role="tablist"
          aria-label={t('quickAdd.title')}
          className="rec-tabs"
          onKeyDown={onKeyDown}
        >
          {tabs.map((name) => (
            <button
              key={name}
              ref={(el) => {
                tabRefs.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`quick-add-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`quick-add-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {t(`quickAdd.tabs.${name}`)}
            </button>
          ))}
        </div>
        <div
          ref={panel}
          role="tabpanel"
          id={`quick-add-panel-${tab}`}
          aria-labelledby={`quick-add-tab-${tab}`}
        >
          {tab === 'deal' && <QuickAddDeal onDone={onClose} />}
          {tab === 'contact' && <QuickAddContact onDone={onClose} />}
          {tab === 'company' && <QuickAddCompany onDone={onClose} />}
        </div>
      </div>
    </Dialog>
  );
}
