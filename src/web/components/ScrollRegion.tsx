import type { ReactNode } from 'react';

interface Props {
  label: string;
  /**
   * A visible caption, shown above the scroll box so that it is never cut off on a narrow screen. The table keeps
   * its own caption for assistive technology (visually hidden), so this copy is hidden from it.
   */
  caption?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A wide table's container that scrolls sideways on a narrow screen. It can take focus, so keyboard users can
 * scroll it too (WCAG 2.1.1), and is named after its table.
 */
export function ScrollRegion({ label, caption, className, children }: Props) {
  return (
    <>
      {caption && <p className="regie-caption regie-caption--above" aria-hidden="true">{caption}</p>}
      {/* A scrollable region must be reachable by keyboard, so it takes focus although it is not a control. */}
      <div className={className ? `regie-table-container ${className}` : 'regie-table-container'} role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
