/*
 * The notice a form leaves for the page it returns to ("Activiteit opgeslagen."): a form navigates away after saving,
 * and the page it lands on shows the notice once and moves focus to it (`SavedNotice` in the layout).
 */

let pending: string | null = null;

/** Leaves a notice for the next page. */
export function announceSaved(text: string): void {
  pending = text;
}

/** Takes the notice left for this page, once. */
export function takeSavedNotice(): string | null {
  const text = pending;
  pending = null;
  return text;
}
