import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that nothing listens on right now: the OS picks one for a throwaway
 * listener, which is closed before the port is handed out. Never a fixed port such as 8787,
 * which a developer's own server may hold.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port was assigned'))));
    });
  });
}
