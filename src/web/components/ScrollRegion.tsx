import type { ReactNode } from 'react';

/**
 * A wide table's container that scrolls sideways on a narrow screen. It can take focus, so keyboard users can
 * scroll it too (WCAG 2.1.1), and is named after its table.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrollable region must be reachable by keyboard, so it takes focus although it is not a control.
    <div className="regie-table-container" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
