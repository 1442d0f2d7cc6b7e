import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@rapport/protocol';

interface Answer {
  status: number;
  reason: string;
  code: ErrorCode;
  message: string;
}

/** Node's parser errors we answer specifically; anything else is a 400. */
const ANSWERS: Record<string, Answer> = {
  // The request line and headers together passed Node's 16 KiB limit (a long URL, usually).
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'payload_too_large',
    message: 'The URL and headers are larger than 16 KiB.',
  },
  // The client did not send the whole request within the server's requestTimeout.
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'invalid_body',
    message: 'The request was not received in time.',
  },
};

/** What Node's own HTTP parser refused, as the API's `{ error: { code, message } }`. */
export function clientErrorAnswer(error: NodeJS.ErrnoException): Answer {
  const known = error.code ? ANSWERS[error.code] : undefined;
  if (known) return known;
  // e.g. HPE_INVALID_TRANSFER_ENCODING / HPE_UNEXPECTED_CONTENT_LENGTH for Content-Length
  // beside Transfer-Encoding, which Node refuses against request smuggling.
  const why = error.code?.startsWith('HPE_') ? ` (${error.code})` : '';
  return {
    status: 400,
    reason: 'Bad Request',
    code: 'invalid_body',
    message: `The request is not valid HTTP/1.1${why}.`,
  };
}

/**
 * A Node `clientError` listener. Node answers a request its parser refuses with a bare status
 * line; with this listener the client gets the same JSON error shape as every other refusal
 * (issue 9, item 11), then the connection is closed, because after a framing error nothing
 * that follows on it can be trusted.
 *
 * @example
 * server.on('clientError', answerClientError);
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Like Node's own handler: nothing to say to a peer that is gone, or mid-way through a
  // response already started on this connection.
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = clientErrorAnswer(error);
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      'Content-Type: application/json; charset=UTF-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
