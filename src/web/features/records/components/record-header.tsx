import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictBanner } from './conflict-banner';
import { orNull, textEditor } from './editors';
import { InlineField } from './inline-field';

type RecordHeaderProps = {
  kicker: string;
  name: string;
  /** Shows the banner that offers to reload after someone else changed the record. */
  conflict: boolean;
  onReload: () => void;
  save: (patch: { name: string }) => Promise<void>;
};

/** The conflict banner and the record's title, editable in place. */
export function RecordHeader({ kicker, name, conflict, onReload, save }: RecordHeaderProps) {
  const { t } = useTranslation('records');
  return (
    <>
      {conflict && <ConflictBanner onReload={onReload} />}
      <header className="rec-header">
        <div className="rec-header-main">
          <p className="rec-kicker">{kicker}</p>
          <InlineField
            variant="title"
            label={t('fields.name')}
            fields={['name']}
            display={<h1>{name}</h1>}
            start={() => name}
            editor={textEditor('text', { maxLength: 200, className: 'rec-title-input' })}
            toPatch={(draft) => (draft.trim() ? { name: draft } : t('inline.required'))}
            save={save}
          />
        </div>
      </header>
    </>
  );
}

type TextFieldProps<F extends string> = {
  field: F;
  value: string | null;
  /** Shown instead of the plain value, e.g. as a link. */
  display?: ReactNode;
  type: 'text' | 'url' | 'tel' | 'email';
  save: (patch: Partial<Record<F, string | null>>) => Promise<void>;
};

/** An optional text field of a record: empty clears it. */
export function TextField<F extends string>({
  field,
  value,
  display,
  type,
  save,
}: TextFieldProps<F>) {
  const { t } = useTranslation('records');
  return (
    <InlineField
      label={t(`fields.${field}`)}
      fields={[field]}
      display={(display ?? value) || <span className="muted">{t('inline.empty')}</span>}
      start={() => value ?? ''}
      editor={textEditor(type)}
      toPatch={(draft) => ({ [field]: orNull(draft) }) as Partial<Record<F, string | null>>}
      save={save}
    />
  );
}
