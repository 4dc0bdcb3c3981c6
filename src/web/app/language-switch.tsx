import { useTranslation } from 'react-i18next';
import { useSaveLanguage } from '../features/auth/api/auth-api';
import { useMe } from '../features/session/use-me';
import { languages, rememberLanguage, type Lang } from '../i18n';

/** Switches the interface language at once, and remembers it on the user when signed in. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const save = useSaveLanguage();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={i18n.language}
        aria-label={t('language.label')}
        onChange={(e) => {
          const lang = e.target.value as Lang;
          rememberLanguage(lang);
          if (me.data && me.data.locale !== lang) save.mutate({ userId: me.data.id, locale: lang });
        }}
      >
        {languages.map((lang) => (
          <option key={lang} value={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
