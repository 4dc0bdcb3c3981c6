import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { languages, rememberLanguage, type Lang } from '../../../i18n';
import type { User } from '../../../lib/queries/people';
import { meQuery } from '../../session/use-me';
import { useUpdateUser } from '../api/update-user';
import { fieldError } from '../api-errors';
import { SaveActions } from './save-actions';
import { TimeZoneSelect } from './time-zone-select';
import { useSaveErrorToast } from './use-error-toast';

const fields = ['name', 'locale', 'timezone', 'digestEnabled', 'digestHour'];
const hours = Array.from({ length: 24 }, (_, h) => h);

type Props = { user: User; workspaceZone: string };

export function ProfileForm({ user, workspaceZone }: Props) {
  const { t, i18n } = useTranslation('settings');
  const client = useQueryClient();
  const toast = useToast();
  const showError = useSaveErrorToast(fields);
  const update = useUpdateUser();
  const languageId = useId();
  const digestId = useId();
  const hourId = useId();
  const [digestEnabled, setDigestEnabled] = useState(user.digestEnabled);
  const [digestHour, setDigestHour] = useState(user.digestHour);
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Lang>(user.locale);
  const [timezone, setTimezone] = useState(user.timezone ?? '');
  const [nameError, setNameError] = useState<string>();
  const [shownLanguage, setShownLanguage] = useState(i18n.language);
  // Switched in the top bar meanwhile: follow it, so saving does not switch back.
  if (i18n.language !== shownLanguage) {
    setShownLanguage(i18n.language);
    if (i18n.language === 'en' || i18n.language === 'vi') setLocale(i18n.language);
  }
  const error = update.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(t('profile.nameRequired'));
    setNameError(undefined);
    update.mutate(
      {
        id: user.id,
        version: user.version,
        name: name.trim(),
        locale,
        timezone: timezone || null,
        digestEnabled,
        digestHour,
      },
      {
        onSuccess: (saved) => {
          // The new language applies at once; the session learns it before it refetches.
          client.setQueryData(meQuery.queryKey, (me) =>
            me ? { ...me, name: saved.name, locale: saved.locale, timezone: saved.timezone } : me,
          );
          rememberLanguage(saved.locale);
          toast.show(t('profile.saved', { lng: saved.locale }));
        },
        onError: showError,
      },
    );
  };

  return (
    <form className="card settings-form" onSubmit={submit} noValidate>
      <Field
        label={t('profile.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError ?? fieldError(error, 'name')}
        autoComplete="name"
        maxLength={120}
      />
      <div className="field">
        <span className="settings-label">{t('profile.email')}</span>
        <span className="settings-readonly">{user.email}</span>
      </div>
      <div className="field">
        <label htmlFor={languageId}>{t('profile.language')}</label>
        <select id={languageId} value={locale} onChange={(e) => setLocale(e.target.value as Lang)}>
          {languages.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {t(`profile.languages.${lang}`)}
            </option>
          ))}
        </select>
        {fieldError(error, 'locale') && (
          <p className="field-error" role="alert">
            {fieldError(error, 'locale')}
          </p>
        )}
      </div>
      <TimeZoneSelect
        label={t('profile.timezone')}
        value={timezone}
        onChange={setTimezone}
        emptyLabel={t('profile.workspaceZone', { zone: workspaceZone.replaceAll('_', ' ') })}
        error={fieldError(error, 'timezone')}
      />
      <p className="field-hint settings-after-field">{t('profile.timezoneHint')}</p>
      <fieldset className="settings-digest">
        <legend>{t('profile.digest')}</legend>
        <label htmlFor={digestId} className="settings-check">
          <input
            id={digestId}
            type="checkbox"
            checked={digestEnabled}
            onChange={(e) => setDigestEnabled(e.target.checked)}
          />{' '}
          {t('profile.digestOn')}
        </label>
        <div className="field">
          <label htmlFor={hourId}>{t('profile.digestHour')}</label>
          <select
            id={hourId}
            value={digestHour}
            disabled={!digestEnabled}
            onChange={(e) => setDigestHour(Number(e.target.value))}
          >
            {hours.map((h) => (
              <option key={h} value={h}>
                {`${String(h).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
        </div>
        <p className="field-hint">{t('profile.digestHint')}</p>
      </fieldset>
      <SaveActions pending={update.isPending} />
    </form>
  );
}
