import { BreadcrumbNav, BreadcrumbNavLink } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { HrefRouterLink } from './AppLink.tsx';

/** "Overzicht › Huizen › Uitvoeringsprogramma …": the pages above this one, after the start page. */
export function Breadcrumbs({ items }: { items: { label: string; to: string }[] }) {
  const all = [{ label: nl.app.home, to: '/' }, ...items];
  return (
    <BreadcrumbNav label={nl.app.breadcrumb} className="regie-breadcrumb">
      {all.map((item, index) => (
        <BreadcrumbNavLink key={item.to} href={item.to} index={index} Link={HrefRouterLink}>
          {item.label}
        </BreadcrumbNavLink>
      ))}
    </BreadcrumbNav>
  );
}
