import { canOnMelding, maskReporter, type MeldingSubject, type TReporter } from '../../domain/meldpunt.ts';
import type { Actor } from '../../domain/permissions.ts';
import type { DataCipher } from '../core/crypto.ts';

/*
 * A reporter's contact details as one actor may see them (issue 13, part 4): in full for the melding's handlers,
 * masked (`*****`) for everyone else, null for an anonymous melding. The one place that decrypts them for a read;
 * the triage detail and the forwards use it alike.
 */

/** What `reporterFor` needs of a melding: the rule's subject and the encrypted contact details. */
export interface MeldingWithReporter extends MeldingSubject { reporterEnc: string | null }

export function reporterFor(actor: Actor, melding: MeldingWithReporter, cipher: DataCipher): TReporter | null {
  if (!melding.reporterEnc) return null;
  const reporter = cipher.decryptJson<TReporter>(melding.reporterEnc);
  return canOnMelding(actor.userId, actor.duties ?? [], 'read_reporter', melding) ? reporter : maskReporter(reporter);
}
