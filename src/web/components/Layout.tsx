import type { MouseEvent } from 'react';
import { Outlet } from 'react-router';
import { PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { AccountMenu, MainNav } from './AccountMenu.tsx';
import { AppLink } from './AppLink.tsx';
import { PlanNav, PlanNavProvider } from './PlanNav.tsx';
import { SessionGuard } from '../session/SessionGuard.tsx';
import { SavedNotice } from './SavedNotice.tsx';

/** Moves focus to the main content: the skip link's target must receive focus, not only be scrolled to. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The frame of every page: skip link, header, the plan's menu on a plan's pages, main content, footer. */
export function Layout() {
  return (
    <div className="regie-app">
      <SkipLink href="#main" onClick={skipToMain}>
        {nl.app.skipLink}
      </SkipLink>
      <PageHeader className="regie-header">
        <div className="regie-header__inner">
          <AppLink to="/" className="regie-brand">
            {nl.app.name}
          </AppLink>
          <span className="regie-tagline">{nl.app.tagline}</span>
          <MainNav />
          <AccountMenu />
        </div>
      </PageHeader>
      <PlanNavProvider>
        {(planId) => (
          <>
            {planId && (
              <div className="regie-plan-nav-bar">
                <PlanNav planId={planId} />
              </div>
            )}
            <main id="main" tabIndex={-1} className="regie-main">
              <PageContent className="regie-content">
                <SavedNotice />
                <Outlet />
              </PageContent>
            </main>
          </>
        )}
      </PlanNavProvider>
      <PageFooter className="regie-footer">
        <Paragraph className="regie-footer__text">{nl.app.footer}</Paragraph>
      </PageFooter>
      <SessionGuard />
    </div>
  );
}
