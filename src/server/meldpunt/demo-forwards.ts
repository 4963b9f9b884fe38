import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import { insertMelding } from './repository.ts';
import { newTraceId } from './processing-log.ts';
import { notifyNewMelding } from './notifications.ts';

/*
 * The demo's melding to forward (issue 13, part 4): one fictional ondermijning signal of Huizen, in behandeling, whose
 * reporter consented to share contact details, with the behandelaar's notification of it – so the forward page, the
 * partner's inbox and the notifications have something to show. Names and addresses are made up.
 */
export async function loadDemoForward(tx: Db, cipher: DataCipher, municipalityId: string, now = new Date()): Promise<void> {
  const [category] = await tx.query<{ id: string }>(`select id from meldpunt_categories where municipality_id = $1 and key = 'ondermijning'`, [municipalityId]);
  if (!category) return;
  const { id } = await insertMelding(tx, cipher, {
    municipalityId, categoryId: category.id, source: 'public',
    answers: {
      wat: 'Bij een loods op het (fictieve) bedrijventerrein De Demo komen \'s nachts steeds andere bestelbusjes; de ramen zijn afgeplakt en er hangt een sterke hennepgeur.',
      waar: 'Demoweg 1 (fictief adres)', wanneer: 'Meestal na middernacht', hoe_vaak: 'Vaker',
    },
    reporter: { name: 'Demo Melder (fictief)', email: 'melder@voorbeeld.demo' }, shareConsent: true,
    idempotencyHash: `demo-forward-${municipalityId}`,
    // A day before the demo's clock: the newest of the generated meldingen are as fresh.
    receivedAt: new Date(now.getTime() - 86_400_000).toISOString(),
  }, newTraceId());
  await tx.query(`update meldingen set status = 'in_behandeling' where id = $1`, [id]);
  await notifyNewMelding(tx, null, id);
}
