import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { MAX_RESETS_PER_WINDOW } from '../../src/server/accounts/password-reset.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { createMailer } from '../../src/server/core/mail.ts';
import type { Db } from '../../src/server/db/client.ts';
import { make, signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { passwordLinkIn, startSmtp, type TestSmtp } from '../smtp.ts';

/* "Wachtwoord vergeten" with a real SMTP server (test/smtp.ts) that keeps what it receives. */

const ctx = useApi();
const PUBLIC_URL = 'https://regie.gemeente.test';
let smtp: TestSmtp;
let app: FastifyInstance;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await buildApp(ctx.db, { publicUrl: PUBLIC_URL, mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Regie <noreply@regie.test>' }) });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const ask = (email: string, address: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress: address });

const mailsFor = (email: string, n: number) => smtp.mailsFor(email, n);
async function newUser() {
  const town = await make.municipality(ctx.api);
  const email = `vergeten-${randomUUID().slice(0, 8)}@huizen.test`;
  const user = await createUser(ctx.db, { email, name: 'Vergeetachtige Adviseur', password: TEST_PASSWORD, memberships: [{ organisationId: town.id, role: 'adviseur' }] }, SYSTEM);
  return { user, email };
}

describe('password reset by e-mail', () => {
  it('mails a one-time link to an active user; it works once, and only then do the user’s sessions end', async () => {
    const { user, email } = await newUser();
    const session = await signIn(app, email, TEST_PASSWORD);
    const answer = await ask(email.toUpperCase(), '10.1.0.1');
    expect(answer.statusCode).toBe(202);
    const [mail] = await mailsFor(email, 1);
    expect(mail.text).toMatch(/Subject: Nieuw wachtwoord instellen voor Regie/);
    expect(mail.text).toContain('Beste Vergeetachtige Adviseur');
    const link = passwordLinkIn(mail);
    expect(link).toMatch(/^https:\/\/regie\.gemeente\.test\/wachtwoord\?token=/);
    const token = new URL(link!).searchParams.get('token')!;

    // Someone else asking logs nobody out.
    const me = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user;
    expect(await me(session.cookie)).not.toBeNull();
    const set = (password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { token, password } });
    expect((await set('een-nieuw-wachtwoord-2026')).statusCode).toBe(204);
    expect((await set('nog-een-nieuw-wachtwoord')).statusCode).toBe(422);
    expect(await me(session.cookie)).toBeNull();
    await signIn(app, email, 'een-nieuw-wachtwoord-2026');

    const [audit] = await ctx.db.query<{ actor_user_id: string; entity_id: string; after: unknown }>(
      "select actor_user_id, entity_id, after from audit_events where action = 'password_reset' and entity_id = $1", [user.id]);
    expect(audit).toEqual({ actor_user_id: user.id, entity_id: user.id, after: { sent: true } });
  });

  it('answers an unknown or inactive address the same, sends nothing, and keeps no typed address', async () => {
    const { email } = await newUser();
    await ctx.db.query('update users set is_active = false where email = $1', [email]);
    const unknown = `niemand-${randomUUID().slice(0, 8)}@huizen.test`;
    const before = smtp.inbox.length;
    const known = await newUser();
    const answers = [await ask(unknown, '10.2.0.1'), await ask(email, '10.2.0.1'), await ask(known.email, '10.2.0.1')];
    // The same status, body and content type, whether or not a mail goes out.
    const shape = (a: (typeof answers)[number]) => [a.statusCode, a.body, a.headers['content-type']];
    expect(shape(answers[0])).toEqual([202, 'null', expect.stringMatching(/json/)]);
    expect(shape(answers[1])).toEqual(shape(answers[0]));
    expect(shape(answers[2])).toEqual(shape(answers[0]));
    await mailsFor(known.email, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.inbox.length).toBe(before + 1);
    expect(smtp.inbox.at(-1)!.to).toEqual([known.email]);
    // The requests are handled after their answers, so their rows may come in any order.
    const trail = await ctx.db.query("select * from audit_events where action = 'password_reset' order by id desc limit 3");
    expect(trail.map((t) => JSON.stringify(t.after)).sort()).toEqual(['{"sent":false}', '{"sent":false}', '{"sent":true}']);
    expect(JSON.stringify(trail)).not.toContain(unknown);
  });

  it('sends at most a few mails per account in a while, and limits requests per address', async () => {
    const { email } = await newUser();
    for (let i = 0; i < MAX_RESETS_PER_WINDOW + 1; i++) expect((await ask(email, `10.3.0.${i}`)).statusCode).toBe(202);
    await mailsFor(email, MAX_RESETS_PER_WINDOW);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsFor(email, 0)).toHaveLength(MAX_RESETS_PER_WINDOW);

    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(`gok-${i}@huizen.test`, '10.4.0.1')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    const limited = await ask('gok@huizen.test', '10.4.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'too_many_requests', title: expect.stringMatching(/Te veel pogingen/) });
  });

  it('answers before it looks the address up, so a known and an unknown address take the same time (issue 11)', async () => {
    // A database that holds every statement until the test opens it: an answer that waits for the database never comes.
    let isHeld = false;
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    const held = async () => { if (isHeld) await opened; };
    const db: Db = {
      kind: ctx.db.kind,
      query: async (sql, params) => (await held(), ctx.db.query(sql, params)),
      exec: async (sql) => (await held(), ctx.db.exec(sql)),
      transaction: async (fn) => (await held(), ctx.db.transaction(fn)),
      close: async () => undefined,
    };
    const heldApp = await buildApp(db, { publicUrl: PUBLIC_URL, mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Regie <noreply@regie.test>' }) });
    try {
      const { user, email } = await newUser();
      const unknown = `niemand-${randomUUID().slice(0, 8)}@huizen.test`;
      isHeld = true;
      for (const address of [unknown, email]) {
        const answer = await Promise.race([
          heldApp.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: address }, remoteAddress: '10.6.0.1' }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000)),
        ]);
        expect(answer?.statusCode, `${address} is answered without the database`).toBe(202);
      }
      expect(await ctx.db.query("select 1 from audit_events where action = 'password_reset' and entity_id = $1", [user.id])).toHaveLength(0);
      isHeld = false;
      open();
      // The work is done after the answer: the mail goes out and the trail has both requests.
      await mailsFor(email, 1);
      await expect.poll(async () => (await ctx.db.query("select 1 from audit_events where action = 'password_reset' and entity_id = $1", [user.id])).length).toBe(1);
    } finally {
      isHeld = false;
      open();
      await heldApp.close();
    }
  });

  it('sends no more mails than the limit, also for requests that arrive at once', async () => {
    const { user, email } = await newUser();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => ask(email, `10.7.${i}.1`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(202));
    await expect.poll(async () => (await ctx.db.query("select 1 from audit_events where action = 'password_reset' and entity_id = $1", [user.id])).length).toBe(8);
    await mailsFor(email, MAX_RESETS_PER_WINDOW);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsFor(email, 0)).toHaveLength(MAX_RESETS_PER_WINDOW);
    const trail = await ctx.db.query<{ after: { sent: boolean } }>("select after from audit_events where action = 'password_reset' and entity_id = $1", [user.id]);
    expect(trail.filter((t) => t.after.sent)).toHaveLength(MAX_RESETS_PER_WINDOW);
  });

  it('says it is not available without an SMTP server', async () => {
    const plain = await buildApp(ctx.db, { publicUrl: PUBLIC_URL });
    try {
      expect((await plain.inject({ method: 'GET', url: '/api/v1/auth/options' })).json().passwordResetByEmail).toBe(false);
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/options' })).json().passwordResetByEmail).toBe(true);
      const res = await plain.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'iemand@huizen.test' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'unavailable', title: expect.stringMatching(/beheerder/) });
    } finally {
      await plain.close();
    }
  });
});
