import type { MeldpuntRules } from './rule.ts';

/** The rules of the meldpunt's triage routes. */
export const triageRules: MeldpuntRules = {};
