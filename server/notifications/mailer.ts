import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';

/** One message as the outbox hands it to the SMTP server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row: a copy sent twice after a crash carries the same id. */
  messageId: string;
  language: 'vi' | 'en';
}

export interface Mailer {
  /** The sender (MAIL_FROM). */
  readonly from: string;
  /** Hands the message to the SMTP server; resolves when it accepted it, throws otherwise. */
  send(mail: OutgoingMail): Promise<{ accepted: boolean; response: string }>;
  close(): void;
}

/** Short time-outs: an attempt that cannot reach the server fails and is retried later by the queue. */
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/** The SMTP transport of a configuration (SMTP_URL, MAIL_FROM), or null when e-mail is off. */
export function createMailer(mail: Config['mail']): Mailer | null {
  if (!mail) return null;
  const url = new URL(mail.smtpUrl);
  const transport: Transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // One connection at a time: the queue sends one message per job.
    pool: false,
    ...TIMEOUTS,
  });
  return {
    from: mail.from,
    async send(m) {
      const info = await transport.sendMail({
        from: mail.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
        headers: { 'Content-Language': m.language, 'Auto-Submitted': 'auto-generated' },
      });
      return { accepted: (info.accepted ?? []).length > 0, response: info.response ?? "" };
    },
    close: () => transport.close(),
  };
}

const mailers = new WeakMap<object, Mailer | null>();

/** One mailer per configuration object, made on first use. */
export function mailerFor(config: Config): Mailer | null {
  if (!mailers.has(config)) mailers.set(config, createMailer(config.mail));
  return mailers.get(config)!;
}
