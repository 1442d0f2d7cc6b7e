/**
 * The TCP proxy in front of Redis, in a process of its own: in the bench's process its
 * latency would include the load generator's event-loop delay, and the instances' 50 ms Redis
 * bound would then measure the bench instead of Redis. Prints `{"port":…}`; takes `cut` and
 * `restore` over IPC and answers `done`.
 */
import { createTcpProxy } from '../../test/helpers/tcp-proxy';

const [host = '127.0.0.1', port = '6379'] = process.argv.slice(2);
const proxy = await createTcpProxy(host, Number(port));
process.stdout.write(`${JSON.stringify({ port: proxy.port })}\n`);
process.on('message', async (command) => {
  if (command === 'cut') await proxy.cut();
  if (command === 'restore') await proxy.restore();
  process.send?.('done');
});
process.on('disconnect', () => process.exit(0));
