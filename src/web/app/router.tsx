import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AcceptInvitePage } from '../features/auth/components/accept-invite-page';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';

// Pages load on demand, so the first load carries only the shell and the page in view.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const BoardPage = named(() => import('../features/board/components/board-page'), 'BoardPage');
const DealsPage = named(() => import('../features/deals/components/deals-page'), 'DealsPage');
const FunnelPage = named(() => import('../features/deals/components/funnel-page'), 'FunnelPage');
const ReportsPage = named(
  () => import('../features/reports/components/reports-page'),
  'ReportsPage',
);
const DashboardsPage = named(
  () => import('../features/dashboards/components/dashboards-page'),
  'DashboardsPage',
);
const ForecastPage = named(
  () => import('../features/forecast/components/forecast-page'),
  'ForecastPage',
);
const ReviewPage = named(() => import('../features/review/components/review-page'), 'ReviewPage');
const DealPage = named(() => import('../features/records/components/deal-page'), 'DealPage');
const CompanyPage = named(
  () => import('../features/records/components/company-page'),
  'CompanyPage',
);
const ContactPage = named(
  () => import('../features/records/components/contact-page'),
  'ContactPage',
);
const CompaniesPage = named(
  () => import('../features/records/components/companies-page'),
  'CompaniesPage',
);
const ContactsPage = named(
  () => import('../features/records/components/contacts-page'),
  'ContactsPage',
);
const FocusPage = named(() => import('../features/focus/components/focus-page'), 'FocusPage');
const LeadsPage = named(() => import('../features/leads/components/leads-page'), 'LeadsPage');
const MyDayPage = named(() => import('../features/activities/components/my-day-page'), 'MyDayPage');
const CalendarPage = named(
  () => import('../features/activities/components/calendar-page'),
  'CalendarPage',
);
const SettingsPage = named(
  () => import('../features/settings/components/settings-page'),
  'SettingsPage',
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invite/:token', element: <AcceptInvitePage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/board" replace /> },
      { path: 'board/:pipelineId?', element: <BoardPage /> },
      { path: 'deals', element: <DealsPage /> },
      { path: 'deals/:id', element: <DealPage /> },
      { path: 'funnel/:pipelineId?', element: <FunnelPage /> },
      { path: 'dashboards/:dashboardId?', element: <DashboardsPage /> },
      { path: 'reports/:pipelineId?', element: <ReportsPage /> },
      { path: 'forecast', element: <ForecastPage /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'companies', element: <CompaniesPage /> },
      { path: 'companies/:id', element: <CompanyPage /> },
      { path: 'contacts', element: <ContactsPage /> },
      { path: 'contacts/:id', element: <ContactPage /> },
      { path: 'my-day', element: <MyDayPage /> },
      { path: 'leads', element: <LeadsPage /> },
      { path: 'focus', element: <FocusPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'settings/*', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
