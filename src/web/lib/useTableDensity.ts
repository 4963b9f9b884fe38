import { useState } from 'react';

export type TableDensity = 'compact' | 'spacious';

const KEY = 'regie.tableDensity';

/** Reads the stored choice; storage may be unavailable (private mode, blocked): then the default. */
function readDensity(): TableDensity {
  try {
    return window.localStorage.getItem(KEY) === 'spacious' ? 'spacious' : 'compact';
  } catch {
    return 'compact';
  }
}

/**
 * The activity table's density, remembered in this browser. Compact is the default: advisers scan 20 or more rows
 * a screen, as in Excel, and read an activity's toelichting on its page or in the spacious view.
 */
export function useTableDensity(): [TableDensity, (density: TableDensity) => void] {
  const [density, setDensity] = useState<TableDensity>(readDensity);
  const choose = (next: TableDensity) => {
    setDensity(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Not remembered, but the choice holds on this page.
    }
  };
  return [density, choose];
}
