import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { startRegie } from '../../src/server/start.ts';
import { TEST_DB } from '../db.ts';

/* A started Regie logs denied API requests without the request log (REGIE_LOG=0) too: ASVS 7.2.2, review section 16. */

const dir = mkdtempSync(join(tmpdir(), 'regie-denied-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(TEST_DB === 'pglite')('a started Regie without the request log', () => {
  it('writes a denied API request to stderr as one JSON line without the client’s address, and an allowed one not', async () => {
    const regie = await startRegie({ ...readConfig({}), port: 0, loadDemo: false, dataDir: dir });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await fetch(`${regie.url}/api/v1/health`)).status).toBe(200);
      const res = await fetch(`${regie.url}/api/v1/organisations/00000000-0000-4000-8000-000000000000/members?q=geheim`);
      expect(res.status).toBeGreaterThanOrEqual(401);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = write.mock.calls.map(([chunk]) => String(chunk)).filter((l) => l.includes('request_denied'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toEqual({
        time: expect.any(String), event: 'request_denied', method: 'GET', route: '/api/v1/organisations/:id/members', status: res.status, actorUserId: null,
      });
      expect(lines[0]).not.toMatch(/127\.0\.0\.1|::1|geheim|00000000/);
    } finally {
      write.mockRestore();
      await regie.stop();
    }
  });
});
