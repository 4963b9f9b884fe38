/** The meldpunt's back office pages, one lazily loaded chunk (routes.tsx). */
export { QueuePage } from './QueuePage.tsx';
export { MeldingPage } from './MeldingPage.tsx';
export { SignalFormPage, TipPage } from './SignalPage.tsx';
