import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import { ensureDefaultCategories } from './repository.ts';
import { loadDemoForward } from './demo-forwards.ts';

/*
 * The demo meldpunt (issue 13, part 6): Huizen's and Utrechtse Heuvelrug's categories, and their behandelaars. The
 * meldingen in it are generated and clearly fictional: no real names or addresses.
 */

/** The demo municipalities with a meldpunt, by CBS code, and their behandelaar's e-mail address. */
export const DEMO_MELDPUNTEN = [
  { cbsCode: 'GM0406', behandelaar: 'behandelaar@huizen.demo' },
  { cbsCode: 'GM1581', behandelaar: 'behandelaar@heuvelrug.demo' },
] as const;

/** Configures the demo meldpunten in the caller's transaction (the demo accounts exist). */
export async function loadDemoMeldpunt(tx: Db, cipher: DataCipher): Promise<void> {
  for (const m of DEMO_MELDPUNTEN) {
    const [org] = await tx.query<{ id: string }>('select id from organisations where cbs_code = $1', [m.cbsCode]);
    if (!org) continue;
    await ensureDefaultCategories(tx, org.id);
    const [user] = await tx.query<{ id: string }>('select id from users where email = $1', [m.behandelaar]);
    if (user) {
      await tx.query(`insert into meldpunt_duties (user_id, organisation_id, duty) values ($1, $2, 'behandelaar')`, [user.id, org.id]);
    }
    if (m.cbsCode === 'GM0406') await loadDemoForward(tx, cipher, org.id);
  }
}
