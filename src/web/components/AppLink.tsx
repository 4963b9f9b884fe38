import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** A link inside the app: the router's link (no page reload) with the NL Design System link style. */
export function AppLink({ className, ...props }: RouterLinkProps) {
  return <RouterLink {...props} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />;
}

const APPEARANCE = {
  primary: 'utrecht-button-link--primary-action',
  secondary: 'utrecht-button-link--secondary-action',
  subtle: 'utrecht-button-link--subtle',
};

/** A link that looks like a button ("Bewerken", "Thema toevoegen"): it navigates, so it stays a link. */
export function AppButtonLink({
  appearance = 'secondary', className, ...props
}: RouterLinkProps & { appearance?: keyof typeof APPEARANCE }) {
  return (
    <RouterLink
      {...props}
      className={cx('utrecht-button-link', 'utrecht-button-link--html-a', APPEARANCE[appearance], className)}
    />
  );
}

/** Adapter for components that take a `Link` with `href` (the breadcrumb). */
export const HrefRouterLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(
  function HrefRouterLink({ href, ...props }, ref) {
    return <RouterLink ref={ref} to={href ?? '#'} {...props} />;
  },
);
