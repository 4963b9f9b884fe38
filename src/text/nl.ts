import { helpText } from './nl/help.ts';
import { proposalText } from './nl/proposal.ts';
import { publicSiteText } from './nl/public-site.ts';
import { meldpuntPublicText } from './nl/meldpunt-public.ts';
import { nl as webText } from './nl/web.ts';

/**
 * All Dutch copy, every room of nl/ (page texts, document phrases, labels of enum codes and error codes): the server's
 * catalogue. It is the web app's (nl/web.ts) with the rooms that app loads lazily: the help, the collegevoorstel's
 * phrases (each of which holds its links again) and the public site.
 */
export const nl = {
  ...webText,
  ...proposalText,
  ...helpText,
  ...publicSiteText,
  ...meldpuntPublicText,
} as const;
