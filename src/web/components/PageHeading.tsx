import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Heading, PreHeading } from '@utrecht/component-library-react';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

interface Props {
  children: ReactNode;
  /** The tab title; the heading's text by default. */
  title?: string;
  /** A line above the heading, such as the plan a theme belongs to. */
  preHeading?: ReactNode;
}

/**
 * The page's h1. After navigation inside the app, focus moves here so screen reader and keyboard users start at the
 * new page's content; on the first page load focus stays at the top (where the skip link is).
 */
export function PageHeading({ children, title, preHeading }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useDocumentTitle(title ?? (typeof children === 'string' ? children : undefined));

  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus();
    // Only a new page moves focus: a changed query (filters) keeps focus where the user is.

  }, [location.pathname]);

  return (
    <>
      {preHeading && <PreHeading className="regie-preheading">{preHeading}</PreHeading>}
      <Heading level={1} ref={ref} tabIndex={-1} className="regie-page-heading">
        {children}
      </Heading>
    </>
  );
}
