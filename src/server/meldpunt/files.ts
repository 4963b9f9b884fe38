import { AppError } from '../../domain/errors.ts';
import { meldnummer } from '../../domain/meldpunt.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { findMelding } from './melding-access.ts';
import { logProcessing, newTraceId } from './processing-log.ts';
import { MELDPUNT_PROCESSING } from './repository.ts';

/** An attachment of a melding, as stored: its bytes were cleaned (re-encoded without metadata) before the insert. */

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

export async function meldingFile(db: Db, ctx: RequestContext, id: string, fileId: string) {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'read');
    const files = await tx.query<{ id: string; media_type: string }>(
      'select id, media_type from melding_files where melding_id = $1 order by created_at, id', [m.id]);
    const index = files.findIndex((f) => f.id === fileId);
    if (index < 0) throw new AppError('not_found', meldpuntTriageText.meldpuntTriage.errors.fileNotFound);
    await logProcessing(tx, newTraceId(), { activity: 'bijlage van melding lezen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [m.id] });
    const f = files[index];
    const [{ content }] = await tx.query<{ content: Uint8Array }>('select content from melding_files where id = $1', [f.id]);
    return { mediaType: f.media_type, bytes: Buffer.from(content), fileName: `${meldnummer(m.year, m.sequence)}-${index + 1}.${EXTENSIONS[f.media_type] ?? 'bin'}` };
  });
}
