import { expect, it } from 'vitest';
import { settingsFromScript } from '../src/script-tag';

function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

it('uses the origin rapport.js was loaded from when data-api is absent (the demo follows PORT)', () => {
  const script = scriptTag({ src: 'http://localhost:8811/rapport.js', 'data-key': 'pk_demo' });
  expect(settingsFromScript(script)).toMatchObject({
    key: 'pk_demo',
    api: 'http://localhost:8811',
  });
});

it('keeps an explicit data-api', () => {
  const script = scriptTag({
    src: 'https://cdn.example/rapport.js',
    'data-api': 'https://api.example',
  });
  expect(settingsFromScript(script).api).toBe('https://api.example');
});
