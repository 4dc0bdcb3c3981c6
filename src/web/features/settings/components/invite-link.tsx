import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/** The invitation link, read-only, with a Copy button (falls back to selecting the text). */
export function InviteLink({ url }: { url: string }) {
  const { t } = useTranslation('settings');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard permission (or no secure context): select it for Ctrl+C.
      input.current?.select();
      setCopied('select');
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('invite.link')}</label>
      <div className="settings-copy">
        <input
          ref={input}
          id={id}
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          data-testid="settings-invite-link"
        />
        <Button variant="primary" onClick={() => void copy()}>
          {copied === 'yes' ? t('invite.copied') : t('invite.copy')}
        </Button>
      </div>
      <p className="field-hint" role="status">
        {copied === 'yes'
          ? t('invite.copiedHint')
          : copied === 'select'
            ? t('invite.selectHint')
            : t('invite.linkHint')}
      </p>
    </div>
  );
}
