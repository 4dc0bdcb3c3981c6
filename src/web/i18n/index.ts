import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { activitiesMessages } from '../features/activities/messages';
import { authMessages } from '../features/auth/messages';
import { boardMessages } from '../features/board/messages';
import { dashboardsMessages } from '../features/dashboards/messages';
import { dealsMessages } from '../features/deals/messages';
import { focusMessages } from '../features/focus/messages';
import { importsMessages } from '../features/imports/messages';
import { forecastMessages } from '../features/forecast/messages';
import { leadsMessages } from '../features/leads/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { postPurchaseMessages } from '../features/post-purchase/messages';
import { recordsMessages } from '../features/records/messages';
import { reportsMessages } from '../features/reports/messages';
import { reviewMessages } from '../features/review/messages';
import { searchMessages } from '../features/search/messages';
import { settingsMessages } from '../features/settings/messages';
import { commonMessages } from './common';
import { stageMessages } from './stages';

export type Lang = 'en' | 'vi';
export const languages: Lang[] = ['en', 'vi'];

// One namespace per feature; every feature ships its English and Vietnamese side by side.
const namespaces = {
  common: commonMessages,
  stages: stageMessages,
  activities: activitiesMessages,
  auth: authMessages,
  board: boardMessages,
  dashboards: dashboardsMessages,
  deals: dealsMessages,
  focus: focusMessages,
  imports: importsMessages,
  forecast: forecastMessages,
  leads: leadsMessages,
  notifications: notificationsMessages,
  postPurchase: postPurchaseMessages,
  records: recordsMessages,
  reports: reportsMessages,
  review: reviewMessages,
  search: searchMessages,
  settings: settingsMessages,
};

const resources = Object.fromEntries(
  languages.map((lang) => [
    lang,
    Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m[lang]])),
  ]),
);

const STORAGE_KEY = 'pipewright.lang';

export function initialLanguage(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'vi') return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('vi')
    ? 'vi'
    : 'en';
}

export function rememberLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

const startLanguage = initialLanguage();
if (typeof document !== 'undefined') document.documentElement.lang = startLanguage;

void i18n.use(initReactI18next).init({
  resources,
  lng: startLanguage,
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
