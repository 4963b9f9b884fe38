import type { Api } from './api.ts';
import type { Db } from '../src/server/db/client.ts';
import type { TMeldingSource } from '../src/domain/meldpunt.ts';
import { insertMelding } from '../src/server/meldpunt/repository.ts';
import { newTraceId } from '../src/server/meldpunt/processing-log.ts';
import type { MeldpuntFixture } from './meldpunt.ts';

/** Stores a melding of a category of the fixture's municipality (as the public form would), for the back office's tests. */
export async function makeMelding(ctx: { api: Api; db: Db }, f: MeldpuntFixture, categoryKey: string, over: {
  answers?: Record<string, string>; reporter?: { name?: string; email?: string; phone?: string }; source?: TMeldingSource;
  municipalityId?: string; categoryId?: string; receivedAt?: string; internalReporterId?: string;
} = {}) {
  return ctx.db.transaction((tx) => insertMelding(tx, ctx.api.app.cipher, {
    municipalityId: over.municipalityId ?? f.municipality.id, categoryId: over.categoryId ?? f.category(categoryKey).id,
    source: over.source ?? 'public', answers: over.answers ?? { wat: 'Steeds busjes bij de loods', waar: 'Industrieweg' },
    reporter: over.reporter, receivedAt: over.receivedAt, internalReporterId: over.internalReporterId ?? null,
  }, newTraceId()));
}
