import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './pages/errors/NotFoundPage.tsx';
import { ActivityFormPage } from './pages/forms/ActivityFormPage.tsx';
import { BudgetLineFormPage } from './pages/forms/BudgetLineFormPage.tsx';
import { GoalFormPage } from './pages/forms/GoalFormPage.tsx';
import { IndicatorFormPage } from './pages/forms/IndicatorFormPage.tsx';
import { ThemeFormPage } from './pages/forms/ThemeFormPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { OrganisationPage } from './pages/organisations/OrganisationPage.tsx';
import { BudgetPage } from './pages/plans/BudgetPage.tsx';
import { PlanPage } from './pages/plans/PlanPage.tsx';
import { ProgrammeActivitiesPage } from './pages/plans/ProgrammeActivitiesPage.tsx';
import { ThemePage } from './pages/themes/ThemePage.tsx';

/** The app's pages; the paths are built in lib/paths.ts. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'organisaties/:organisationId', element: <OrganisationPage /> },
      { path: 'plannen/:planId', element: <PlanPage /> },
      { path: 'plannen/:planId/activiteiten', element: <ProgrammeActivitiesPage /> },
      { path: 'plannen/:planId/activiteiten/:activityId/bewerken', element: <ActivityFormPage /> },
      { path: 'plannen/:planId/begroting', element: <BudgetPage /> },
      { path: 'plannen/:planId/begroting/posten/nieuw', element: <BudgetLineFormPage /> },
      { path: 'plannen/:planId/begroting/posten/:lineId/bewerken', element: <BudgetLineFormPage /> },
      { path: 'plannen/:planId/themas/nieuw', element: <ThemeFormPage /> },
      { path: 'plannen/:planId/themas/:themeId', element: <ThemePage /> },
      { path: 'plannen/:planId/themas/:themeId/bewerken', element: <ThemeFormPage /> },
      { path: 'plannen/:planId/themas/:themeId/doelen/nieuw', element: <GoalFormPage /> },
      { path: 'plannen/:planId/themas/:themeId/activiteiten/nieuw', element: <ActivityFormPage /> },
      { path: 'plannen/:planId/doelen/:goalId/bewerken', element: <GoalFormPage /> },
      { path: 'plannen/:planId/indicatoren/nieuw', element: <IndicatorFormPage /> },
      { path: 'plannen/:planId/indicatoren/:indicatorId/bewerken', element: <IndicatorFormPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
