import { accountsText } from './nl/accounts.ts';
import { commonText } from './nl/common.ts';
import { documentsText } from './nl/documents.ts';
import { helpText } from './nl/help.ts';
import { indicatorsText } from './nl/indicators.ts';
import { monitoringText } from './nl/monitoring.ts';
import { plansText } from './nl/plans.ts';
import { proposalText } from './nl/proposal.ts';
import { publicSiteText } from './nl/public-site.ts';

/**
 * All Dutch copy, every room of nl/ (page texts, document phrases, labels of enum codes and error codes): the server's
 * catalogue. The web app imports nl/web.ts instead, which leaves out what its main chunk does not need.
 */
export const nl = {
  ...commonText,
  ...accountsText,
  ...plansText,
  ...indicatorsText,
  ...monitoringText,
  ...documentsText,
  ...proposalText,
  ...helpText,
  ...publicSiteText,
} as const;
