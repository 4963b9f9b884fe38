import type { MeldpuntRules } from './rule.ts';

/** The rules of the meldpunt's overview routes. */
export const overviewRules: MeldpuntRules = {};
