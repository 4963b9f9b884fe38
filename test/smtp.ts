import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/*
 * A real SMTP server for the tests (smtp-server) that keeps every message it receives: what a user finds in their
 * mailbox is what a test reads.
 */

export interface Mail {
  to: string[];
  /** The whole message, headers included, with quoted-printable encoding undone. */
  text: string;
}

export interface TestSmtp {
  port: number;
  inbox: Mail[];
  /** The messages to `address`, once at least `n` have arrived (mail may go out after the HTTP answer). */
  mailsFor(address: string, n: number): Promise<Mail[]>;
  close(): Promise<void>;
}

/** The message with quoted-printable soft line breaks and escapes undone. */
const decode = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Starts the server on 127.0.0.1 (`port` 0: a free one). No TLS, no authentication: test traffic only. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const inbox: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // Quoted-printable encodes bytes: decode them as UTF-8 once the escapes are undone.
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), text: Buffer.from(decode(Buffer.concat(chunks).toString('latin1')), 'latin1').toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const mine = (address: string) => inbox.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    port: (server.server.address() as AddressInfo).port,
    inbox,
    async mailsFor(address, n) {
      for (let i = 0; i < 100 && mine(address).length < n; i++) await new Promise((r) => setTimeout(r, 50));
      return mine(address);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The link to set a password in a mail, decoded, or null. */
export function passwordLinkIn(mail: Mail): string | null {
  const url = mail.text.match(/https?:\/\/[^\s]+\/wachtwoord\?token=[\w%-]+/)?.[0];
  return url ?? null;
}
