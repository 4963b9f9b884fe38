// The form pages, loaded together on demand (routes.tsx).
export { ActivityFormPage } from './ActivityFormPage.tsx';
export { BudgetLineFormPage } from './BudgetLineFormPage.tsx';
export { GoalFormPage } from './GoalFormPage.tsx';
export { IndicatorFormPage } from './IndicatorFormPage.tsx';
export { SpendingFormPage } from './SpendingFormPage.tsx';
export { MeasurementFormPage } from './MeasurementFormPage.tsx';
export { ReferenceAreasFormPage } from './ReferenceAreasFormPage.tsx';
export { ThemeFormPage } from './ThemeFormPage.tsx';
export { NewProposalPage } from './NewProposalPage.tsx';
export { SuccessorPlanPage } from './SuccessorPlanPage.tsx';
export { ProposalFormPage } from './ProposalFormPage.tsx';
