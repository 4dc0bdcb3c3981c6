// "G then a letter" goes to a section, as in Gmail, GitHub and Linear. One table serves the key
// handler, the side bar's hints and the shortcuts dialog, so they cannot disagree.
export const GO_TO = [
  { key: 'h', path: '/my-day', nav: 'myDay' },
  { key: 'o', path: '/focus', nav: 'focus' },
  { key: 'l', path: '/leads', nav: 'leads' },
  { key: 'b', path: '/board', nav: 'board' },
  { key: 'd', path: '/deals', nav: 'deals' },
  { key: 'c', path: '/calendar', nav: 'calendar' },
  { key: 'i', path: '/dashboards', nav: 'dashboards' },
  { key: 'r', path: '/reports', nav: 'reports' },
  { key: 'f', path: '/forecast', nav: 'forecast' },
  { key: 'w', path: '/review', nav: 'review' },
  { key: 'u', path: '/funnel', nav: 'funnel' },
  { key: 'a', path: '/companies', nav: 'companies' },
  { key: 'p', path: '/contacts', nav: 'contacts' },
  { key: 's', path: '/settings', nav: 'settings' },
] as const;

export const pathOfKey = (key: string) => GO_TO.find((g) => g.key === key)?.path;
export const keyOfPath = (path: string) => GO_TO.find((g) => g.path === path)?.key;

/** How long after G the second key still counts. */
export const SEQUENCE_MS = 1500;
