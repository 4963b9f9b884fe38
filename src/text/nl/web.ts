import { accountsText } from './accounts.ts';
import { commonText, helpLinks, proposalLinks } from './common.ts';
import { documentsText } from './documents.ts';
import { indicatorsText } from './indicators.ts';
import { meldpuntForwardsText } from './meldpunt-forwards.ts';
import { monitoringText } from './monitoring.ts';
import { plansText } from './plans.ts';
import { meldpuntTriageText } from './meldpunt-triage.ts';
import { meldpuntOverviewText } from './meldpunt-overview.ts';

/**
 * The web app's Dutch copy: every room but the public site's, and of the help and the collegevoorstel only their links.
 * Their pages load lazily and import help.ts, proposal.ts and public-site.ts themselves, so the app's main chunk does
 * not carry that copy (test/unit/web-bundle-text.test.ts checks the build). The server imports ../nl.ts: all rooms.
 */
export const nl = {
  ...commonText,
  ...accountsText,
  ...plansText,
  ...indicatorsText,
  ...monitoringText,
  ...documentsText,
  ...meldpuntTriageText,
  ...meldpuntForwardsText,
  ...meldpuntOverviewText,
  help: helpLinks,
  proposal: proposalLinks,
} as const;
