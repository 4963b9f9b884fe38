import type { MouseEvent } from 'react';
import { Outlet } from 'react-router';
import { PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { SavedNotice } from './SavedNotice.tsx';

/** Moves focus to the main content: the skip link's target must receive focus, not only be scrolled to. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The frame of every page: skip link, header, main content, footer. */
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
          <AccountMenu />
          <nav aria-label={nl.help.navLabel} className="regie-header-nav">
            <AppLink to={paths.help()}>{nl.help.link}</AppLink>
          </nav>
        </div>
      </PageHeader>
      <main id="main" tabIndex={-1} className="regie-main">
        <PageContent className="regie-content">
          <SavedNotice />
          <Outlet />
        </PageContent>
      </main>
      <PageFooter className="regie-footer">
        <Paragraph className="regie-footer__text">{nl.app.footer}</Paragraph>
      </PageFooter>
    </div>
  );
}
