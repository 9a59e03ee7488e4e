import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server inside the test process (smtp-server), every message parsed back with
 * mailparser before the server answers "250": when the sender's sendMail resolves, the message is
 * already in `messages`, so tests never wait on the clock. `stop()` and `start()` take it down and
 * bring it back on the same port, as an SMTP server that was down for a while.
 */
export interface SmtpSink {
  readonly port: number;
  readonly url: string;
  readonly messages: ParsedMail[];
  /** Addresses the server refuses for good (550 at RCPT TO), as a mailbox that does not exist. */
  readonly refused: Set<string>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const refused = new Set<string>();
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (!refused.has(address.address.toLowerCase())) return callback();
          callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
        },
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              messages.push(mail);
              callback();
            })
            .catch((err: Error) => callback(err));
        },
      });
      s.on('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.server.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    refused,
    start: listen,
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        s.close(() => resolve());
      }),
  };
}
