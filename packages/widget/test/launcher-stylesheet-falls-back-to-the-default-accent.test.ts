import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ACCENT } from '@rapport/protocol';
import { expect, test } from 'vitest';

// CSS cannot import the constant, so the stylesheet repeats it; this keeps the two from drifting.
const css = readFileSync(join(import.meta.dirname, '../src/styles/launcher.css'), 'utf8');

test("the launcher stylesheet's --rapport-accent fallback is protocol's DEFAULT_ACCENT", () => {
  const declared = css.match(/:host\s*\{[^}]*--rapport-accent:\s*([^;]+);/)?.[1];
  expect(declared).toBe(DEFAULT_ACCENT);
});
