import { expect, it } from 'vitest';
import { staticFileRoutes } from '../src/static-files';

// An installed server has no demo storefront: nothing is configured for `/`.
const app = staticFileRoutes({
  widgetPath: '/nonexistent/rapport.js',
  consoleDir: '/nonexistent/',
});
app.onError((error, c) => c.json({ message: error.message }, 404));

it('sends / to the console when no folder is served at /', async () => {
  const response = await app.request('/');
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/console/');
});

it('answers other paths with a 404 that says how to serve a folder, not where files are', async () => {
  const response = await app.request('/pricing.html');
  expect(response.status).toBe(404);
  const { message } = await response.json();
  expect(message).toContain('RAPPORT_STATIC_DIR');
  expect(message).not.toContain('/nonexistent');
});

it('says to install the widget and the console when they are missing', async () => {
  const widget = await (await app.request('/rapport.js')).json();
  expect(widget.message).toContain('Install @rapport/widget');
  const console = await (await app.request('/console/')).json();
  expect(console.message).toContain('Install @rapport/console');
});
