import { createTransport } from 'nodemailer';

/** One email to send: both bodies, and any extra headers (`List-Unsubscribe`, …). */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Where emails go: SMTP in production, anything with `send` in a test of a caller. */
export interface Mailer {
  /** Resolves once the server accepted the message; rejects on any SMTP failure. */
  send(email: OutgoingEmail): Promise<void>;
  /** Closes pooled connections. */
  close(): void;
}

/** Options for {@link createSmtpMailer}. */
export interface SmtpMailerOptions {
  /** `SMTP_URL`: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  url: string;
  /** `EMAIL_FROM`: the sender, e.g. `Rapport <support@shop.example>`. */
  from: string;
  /**
   * Longest wait for connecting, for the greeting, and for any answer after it. Nodemailer's
   * defaults (2 min, 30 s, 10 min) would let a silent server hold a pass for minutes.
   * @default 15_000
   */
  timeoutMs?: number;
  /**
   * Told of a pooled connection's failure outside any send (the server hung up while idle).
   * Without a listener such an `error` event would end the process.
   * @default ignored (the next send opens a new connection)
   */
  onConnectionError?: (error: Error) => void;
}

/**
 * Sends through an SMTP server with nodemailer, a few pooled connections reused across a
 * pass. The URL (with its password) is given to nodemailer only, never logged.
 *
 * @example
 * const mailer = createSmtpMailer({ url: 'smtp://user:pass@mail.example:587', from: 'Shop <hi@shop.example>' });
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const url = new URL(options.url);
  const transport = createTransport({
    pool: true,
    maxConnections: 2,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  transport.on('error', (error: Error) => options.onConnectionError?.(error));
  return {
    async send(email) {
      await transport.sendMail({ from: options.from, ...email });
    },
    close() {
      transport.close();
    },
  };
}
