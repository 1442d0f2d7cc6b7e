import { connect } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeServer, startNodeServer } from '../src/node-server';

/** Writes raw bytes on a fresh connection and reads everything until the server closes it. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer: ${answer}`)));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(request);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headers] = head.split('\r\n');
  return {
    status: Number(statusLine.split(' ')[1]),
    headers: headers.map((line) => line.toLowerCase()),
    body: JSON.parse(body) as { error: { code: string; message: string } },
  };
}

describe('requests that Node’s own HTTP parser refuses', () => {
  let node: NodeServer;
  let port: number;

  beforeAll(async () => {
    const app = new Hono().post('/v1/batch', (c) => c.json({ accepted: 0 }));
    await new Promise<void>((resolve) => {
      node = startNodeServer({
        fetch: app.fetch,
        port: 0,
        hostname: '127.0.0.1',
        onListening: (info) => {
          port = info.port;
          resolve();
        },
      });
    });
  });
  afterAll(() => node.close());

  it('answers a URL over 16 KiB with 431 and the JSON error shape', async () => {
    const answer = parse(
      await exchange(port, `GET /v1/config?key=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('content-type: application/json; charset=utf-8');
    expect(answer.body.error).toEqual({
      code: 'payload_too_large',
      message: 'The URL and headers are larger than 16 KiB.',
    });
  });

  it('answers Content-Length beside Transfer-Encoding with 400 and the JSON error shape', async () => {
    const answer = parse(
      await exchange(
        port,
        'POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain('connection: close');
    expect(answer.body.error.code).toBe('invalid_body');
    expect(answer.body.error.message).toMatch(
      /^The request is not valid HTTP\/1\.1 \(HPE_[A-Z_]+\)\.$/,
    );
  });

  it('still serves well-formed requests', async () => {
    const answer = await exchange(
      port,
      'POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});
