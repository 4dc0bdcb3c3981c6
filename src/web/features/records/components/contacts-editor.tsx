import { useTranslation } from 'react-i18next';
import { RecordPicker, type Picked } from './record-picker';

type ContactsEditorProps = {
  value: Picked[];
  onChange: (value: Picked[]) => void;
  a11y: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
};

/** The chosen contacts as removable chips, and a search box to add more. */
export function ContactsEditor({ value, onChange, a11y }: ContactsEditorProps) {
  const { t } = useTranslation('records');
  return (
    <div className="rec-contacts-editor">
      {value.length > 0 && (
        <ul className="rec-chips" aria-label={t('fields.contacts')}>
          {value.map((c) => (
            <li key={c.id} className="rec-chip">
              {c.name}
              <button
                type="button"
                aria-label={t('picker.remove', { name: c.name })}
                onClick={() => onChange(value.filter((x) => x.id !== c.id))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <RecordPicker
        kind="contact"
        value={null}
        clearOnPick
        exclude={value.map((c) => c.id)}
        onChange={(picked) => picked && onChange([...value, picked])}
        a11y={a11y}
      />
    </div>
  );
}
