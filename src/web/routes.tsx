import type { RouteObject } from 'react-router';
import type { ComponentType } from 'react';
import { Layout } from './components/Layout.tsx';
import { LoginPage } from './pages/auth/LoginPage.tsx';
import { NotFoundPage } from './pages/errors/NotFoundPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { MyActivitiesPage } from './pages/home/MyActivitiesPage.tsx';
import { ActivityPage } from './pages/activities/ActivityPage.tsx';
import { DashboardPage } from './pages/organisations/DashboardPage.tsx';
import { OrganisationPage } from './pages/organisations/OrganisationPage.tsx';
import { BudgetLinePage } from './pages/plans/BudgetLinePage.tsx';
import { IndicatorPage } from './pages/indicators/IndicatorPage.tsx';
import { BudgetPage } from './pages/plans/BudgetPage.tsx';
import { PlanPage } from './pages/plans/PlanPage.tsx';
import { ProgrammeActivitiesPage } from './pages/plans/ProgrammeActivitiesPage.tsx';
import { RoadmapPage } from './pages/plans/RoadmapPage.tsx';
import { ThemePage } from './pages/themes/ThemePage.tsx';

/** Forms load when first opened: readers of plans never download them. */
const form = (name: string) => async () => {
  const forms = await import('./pages/forms/index.ts');
  return { Component: forms[name as keyof typeof forms] };
};

/** The audit log loads when first opened: only beheerders use it. */
const auditLog = async () => ({ Component: (await import('./pages/organisations/AuditLogPage.tsx')).AuditLogPage });
/** So does the users page, and the pages a one-time link or the first run open. */
const members = async () => ({ Component: (await import('./pages/organisations/MembersPage.tsx')).MembersPage });
const setPassword = async () => ({ Component: (await import('./pages/auth/SetPasswordPage.tsx')).SetPasswordPage });
/** And the import of measurements: advisers use it now and then. */
const importMeasurements = async () => ({ Component: (await import('./pages/plans/ImportMeasurementsPage.tsx')).ImportMeasurementsPage });
const importExcel = async () => ({ Component: (await import('./pages/plans/ImportExcelPage.tsx')).ImportExcelPage });
const setup = async () => ({ Component: (await import('./pages/auth/SetupPage.tsx')).SetupPage });
const passwordReset = async () => ({ Component: (await import('./pages/auth/PasswordResetPage.tsx')).PasswordResetPage });
const apiTokens = async () => ({ Component: (await import('./pages/organisations/ApiTokensPage.tsx')).ApiTokensPage });
const sso = async () => ({ Component: (await import('./pages/organisations/SsoPage.tsx')).SsoPage });
const publicSiteSettings = async () => ({ Component: (await import('./pages/organisations/PublicSiteSettingsPage.tsx')).PublicSiteSettingsPage });
/** The update rounds load when first opened: advisers and the staff following them use them. */
const rounds = async () => ({ Component: (await import('./pages/rounds/RoundsPage.tsx')).RoundsPage });
/** Comparing versions: advisers and the council, now and then. */
const compare = async () => ({ Component: (await import('./pages/plans/ComparePage.tsx')).ComparePage });
const round = async () => ({ Component: (await import('./pages/rounds/RoundPage.tsx')).RoundPage });
/** The meldpunt's back office loads when first opened: only behandelaars (and officials reporting a signal) use it. */
const meldpunt = (name: 'QueuePage' | 'MeldingPage' | 'SignalFormPage' | 'TipPage') => async () => ({ Component: (await import('./pages/meldpunt/index.ts'))[name] });
/** The meldpunt's forwarding, the partner's inbox, notifications and settings (issue 13, part 4). */
const meldpuntPage = (name: string) => async () => {
  const pages = {
    ForwardPage: () => import('./pages/meldpunt/ForwardPage.tsx'),
    PartnerInboxPage: () => import('./pages/meldpunt/PartnerInboxPage.tsx'),
    PartnerForwardPage: () => import('./pages/meldpunt/PartnerInboxPage.tsx'),
    NotificationsPage: () => import('./pages/meldpunt/NotificationsPage.tsx'),
    MeldpuntSettingsPage: () => import('./pages/meldpunt/MeldpuntSettingsPage.tsx'),
  } as const;
  const module = (await pages[name as keyof typeof pages]()) as Record<string, ComponentType>;
  return { Component: module[name] };
};
/** The help pages load when first opened. */
const help = async () => ({ Component: (await import('./pages/help/HelpPage.tsx')).HelpPage });

/** The app's pages; the paths are built in lib/paths.ts. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'inloggen', element: <LoginPage /> },
      { path: 'wachtwoord', lazy: setPassword },
      { path: 'inrichten', lazy: setup },
      { path: 'wachtwoord-vergeten', lazy: passwordReset },
      { path: 'mijn-activiteiten', element: <MyActivitiesPage /> },
      { path: 'activiteiten/:activityId', element: <ActivityPage /> },
      { path: 'rondes/:roundId', lazy: round },
      { path: 'organisaties/:organisationId', element: <OrganisationPage /> },
      { path: 'organisaties/:organisationId/dashboard', element: <DashboardPage /> },
      { path: 'organisaties/:organisationId/meldpunt-in-cijfers', lazy: async () => ({ Component: (await import('./pages/meldpunt/MeldpuntOverviewPage.tsx')).MeldpuntOverviewPage }) },
      { path: 'organisaties/:organisationId/auditlog', lazy: auditLog },
      { path: 'organisaties/:organisationId/gebruikers', lazy: members },
      { path: 'organisaties/:organisationId/api-tokens', lazy: apiTokens },
      { path: 'organisaties/:organisationId/single-sign-on', lazy: sso },
      { path: 'organisaties/:organisationId/openbare-site', lazy: publicSiteSettings },
      { path: 'plannen/:planId', element: <PlanPage /> },
      { path: 'plannen/:planId/activiteiten', element: <ProgrammeActivitiesPage /> },
      { path: 'plannen/:planId/activiteiten/:activityId/bewerken', lazy: form('ActivityFormPage') },
      { path: 'plannen/:planId/planning', element: <RoadmapPage /> },
      { path: 'plannen/:planId/rondes', lazy: rounds },
      { path: 'plannen/:planId/vergelijken', lazy: compare },
      { path: 'plannen/:planId/begroting', element: <BudgetPage /> },
      { path: 'plannen/:planId/begroting/posten/nieuw', lazy: form('BudgetLineFormPage') },
      { path: 'plannen/:planId/begroting/posten/:lineId/bewerken', lazy: form('BudgetLineFormPage') },
      { path: 'plannen/:planId/begroting/posten/:lineId', element: <BudgetLinePage /> },
      { path: 'plannen/:planId/begroting/posten/:lineId/uitgaven/nieuw', lazy: form('SpendingFormPage') },
      { path: 'plannen/:planId/begroting/posten/:lineId/uitgaven/:entryId/bewerken', lazy: form('SpendingFormPage') },
      { path: 'plannen/:planId/themas/nieuw', lazy: form('ThemeFormPage') },
      { path: 'plannen/:planId/themas/:themeId', element: <ThemePage /> },
      { path: 'plannen/:planId/themas/:themeId/bewerken', lazy: form('ThemeFormPage') },
      { path: 'plannen/:planId/themas/:themeId/doelen/nieuw', lazy: form('GoalFormPage') },
      { path: 'plannen/:planId/themas/:themeId/activiteiten/nieuw', lazy: form('ActivityFormPage') },
      { path: 'plannen/:planId/doelen/:goalId/bewerken', lazy: form('GoalFormPage') },
      { path: 'plannen/:planId/indicatoren/nieuw', lazy: form('IndicatorFormPage') },
      { path: 'plannen/:planId/indicatoren/:indicatorId/bewerken', lazy: form('IndicatorFormPage') },
      { path: 'plannen/:planId/indicatoren/:indicatorId', element: <IndicatorPage /> },
      { path: 'plannen/:planId/indicatoren/:indicatorId/metingen/nieuw', lazy: form('MeasurementFormPage') },
      { path: 'plannen/:planId/metingen/:measurementId/bewerken', lazy: form('MeasurementFormPage') },
      { path: 'plannen/:planId/metingen-importeren', lazy: importMeasurements },
      { path: 'plannen/:planId/excel-importeren', lazy: importExcel },
      { path: 'plannen/:planId/vergelijkingsgebieden', lazy: form('ReferenceAreasFormPage') },
      { path: 'plannen/:planId/collegevoorstel/nieuw', lazy: form('NewProposalPage') },
      { path: 'plannen/:planId/volgend-programma', lazy: form('SuccessorPlanPage') },
      { path: 'plannen/:planId/besluiten/:decisionId/bewerken', lazy: form('ProposalFormPage') },
      { path: 'meldpunt/meldingen', lazy: meldpunt('QueuePage') },
      { path: 'meldpunt/meldingen/:meldingId', lazy: meldpunt('MeldingPage') },
      { path: 'meldpunt/signaal', lazy: meldpunt('SignalFormPage') },
      { path: 'meldpunt/tip', lazy: meldpunt('TipPage') },
      { path: 'organisaties/:organisationId/meldpunt', lazy: meldpuntPage('MeldpuntSettingsPage') },
      { path: 'meldpunt/meldingen/:meldingId/doorsturen', lazy: meldpuntPage('ForwardPage') },
      { path: 'meldpunt/doorgestuurd', lazy: meldpuntPage('PartnerInboxPage') },
      { path: 'meldpunt/doorgestuurd/:forwardId', lazy: meldpuntPage('PartnerForwardPage') },
      { path: 'notificaties', lazy: meldpuntPage('NotificationsPage') },
      { path: 'help', lazy: help },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
