import type { MeldpuntRules } from './rule.ts';

/** The rules of the meldpunt's public routes. */
export const publicRules: MeldpuntRules = {};
