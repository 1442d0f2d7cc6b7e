import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the local SMTP server accepted. */
export interface ReceivedEmail {
  /** RCPT TO addresses. */
  to: string[];
  /** Header lines unfolded, lowercased names (the last value when a name repeats). */
  headers: Record<string, string>;
  /** The whole message as sent (headers and MIME body). */
  raw: string;
}

/** A local SMTP server on a free port, holding what it received; `fail` makes it refuse mail. */
export interface LocalSmtp {
  url: string;
  received: ReceivedEmail[];
  /** While true, every message is refused with a 451 (a temporary failure). */
  fail: boolean;
  close(): Promise<void>;
}

function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Starts an SMTP server on 127.0.0.1, port 0, that accepts `user`/`pass` (plain auth, no TLS:
 * it never leaves the machine) and keeps every message.
 */
export async function startLocalSmtp(): Promise<LocalSmtp> {
  const local = { received: [] as ReceivedEmail[], fail: false } as LocalSmtp;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'user' && auth.password === 'p@ss word') {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (local.fail) {
          const error = new Error('Try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        local.received.push({ to, headers: headersOf(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  local.url = `smtp://user:${encodeURIComponent('p@ss word')}@127.0.0.1:${port}`;
  local.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return local;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * The decoded `text/plain` or `text/html` part of a message (quoted-printable or base64), so a
 * test reads what a mail client shows. Written here rather than taken from the mailer, so
 * the test does not read mail with the code that wrote it.
 */
export function partOf(email: ReceivedEmail, type: 'text/plain' | 'text/html'): string {
  const boundary = /boundary="?([^";]+)"?/.exec(email.headers['content-type'] ?? '')?.[1];
  const parts = boundary ? email.raw.split(`--${boundary}`) : [email.raw];
  for (const part of parts) {
    const [head = '', ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const headers = headersOf(`${head}\r\n\r\n`);
    if (!headers['content-type']?.startsWith(type)) continue;
    const body = rest.join('\r\n\r\n');
    const encoding = headers['content-transfer-encoding'];
    if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
    return body;
  }
  throw new Error(`no ${type} part`);
}

/** A header's MIME encoded-words decoded (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`). */
export function decodedHeader(value: string | undefined): string {
  return (value ?? '').replace(
    /=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi,
    (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replaceAll('_', ' ')),
  );
}
