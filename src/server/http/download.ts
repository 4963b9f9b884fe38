import { slugify } from '../../domain/public-site.ts';

/** A title as an ASCII file name for a download: a header cannot carry every letter a title may have ("Veiligheid – Łódź"). */
export const fileName = (title: string) => slugify(title) || 'plan';
