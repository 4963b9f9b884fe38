import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Outgoing e-mail, when the operator configured an SMTP server (`REGIE_SMTP_URL`, e.g.
 * `smtps://user:pass@mail.example.nl:465`, and `REGIE_MAIL_FROM`). Without it Regie sends nothing and the features
 * that would mail (a password reset by e-mail, a reminder) say so in the app instead. Message bodies may hold
 * personal data: they are never logged.
 */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface MailConfig {
  smtpUrl?: string;
  from?: string;
}

/** The mailer for a configuration, or null when no SMTP server is configured. */
export function createMailer(config: MailConfig): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  const from = config.from ?? 'Regie <noreply@localhost>';
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
