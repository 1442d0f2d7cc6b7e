import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { en } from '../src/i18n/en';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippet = readFileSync(join(root, 'loader-snippet.txt'), 'utf8');

test('the README opens with the loader snippet, verbatim, under 1 KB', () => {
  expect(Buffer.byteLength(snippet)).toBeLessThanOrEqual(1024);
  const firstCodeBlock = readme.match(/```html\n([\s\S]*?)```/)?.[1];
  expect(firstCodeBlock).toBe(snippet);
  expect(readme).toContain(`(${Buffer.byteLength(snippet)} bytes;`);
});

test('the README lists every overridable string', () => {
  const missing = Object.keys(en).filter((key) => !readme.includes(`\`${key}\``));
  expect(missing).toEqual([]);
});
