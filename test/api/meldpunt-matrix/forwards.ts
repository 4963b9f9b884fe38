import type { MeldpuntRules } from './rule.ts';

/** The rules of the meldpunt's forwards routes. */
export const forwardRules: MeldpuntRules = {};
