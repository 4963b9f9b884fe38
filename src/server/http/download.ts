/** A title as an ASCII file name for a download: a header cannot carry every letter a title may have ("Veiligheid – Łódź"). */
export const fileName = (title: string) =>
  title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'plan';
