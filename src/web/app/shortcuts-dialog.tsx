import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/ui/dialog';
import { Button } from '../components/ui/button';
import { GO_TO } from './go-to-keys';

type Row = { keys: string[]; label: string };

/** Every keyboard shortcut in one place, opened with "?". */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const groups: { title: string; rows: Row[] }[] = [
    {
      title: t('shortcutHelp.anywhere'),
      rows: [
        { keys: ['Ctrl', 'K'], label: t('shortcutHelp.search') },
        { keys: ['N'], label: t('shortcutHelp.quickAdd') },
        { keys: ['B'], label: t('shortcutHelp.notifications') },
        { keys: ['?'], label: t('shortcutHelp.help') },
      ],
    },
    {
      title: t('shortcutHelp.goTo'),
      rows: GO_TO.map((g) => ({ keys: ['G', g.key.toUpperCase()], label: t(`nav.${g.nav}`) })),
    },
    {
      title: t('shortcutHelp.onPages'),
      rows: [
        { keys: ['L'], label: t('shortcutHelp.newLead') },
        { keys: ['P'], label: t('shortcutHelp.printReview') },
        { keys: ['Space'], label: t('shortcutHelp.pickUp') },
        { keys: ['←', '→', '↑', '↓'], label: t('shortcutHelp.moveCard') },
        { keys: ['Esc'], label: t('shortcutHelp.cancelMove') },
      ],
    },
  ];
  return (
    <Dialog open={open} title={t('shortcutHelp.title')} onClose={onClose} wide>
      <div className="shortcut-groups">
        {groups.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h3>{g.title}</h3>
            <dl className="shortcut-list">
              {g.rows.map((r) => (
                <div key={r.label}>
                  <dt>
                    {r.keys.map((k, i) => (
                      <kbd key={i}>{k}</kbd>
                    ))}
                  </dt>
                  <dd>{r.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('actions.close')}</Button>
      </div>
    </Dialog>
  );
}
