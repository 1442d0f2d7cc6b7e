import { afterEach, expect, test } from 'vitest';
import { en } from '../src/i18n/en';
import { fr } from '../src/i18n/fr';
import { format } from '../src/i18n/index';
import { createFakeServer, GOLD_VIEW } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

// Expected strings written out by hand, not derived from Intl: U+202F is the narrow no-break
// space French puts between thousands.
test('counts take the plural form Intl.PluralRules picks, numbers the locale’s separators', () => {
  expect(format(en.points, { n: 1 }, 'en')).toBe('1 point');
  expect(format(en.points, { n: 0 }, 'en')).toBe('0 points');
  expect(format(en.points, { n: 12500 }, 'en')).toBe('12,500 points');
  expect(format(en.needMore, { n: 1 }, 'en')).toBe('You need 1 more point');
  expect(format(fr.points, { n: 0 }, 'fr')).toBe('0 point');
  expect(format(fr.points, { n: 12500 }, 'fr')).toBe('12\u202f500 points');
  expect(format(fr.toNextTier, { n: 1, tier: 'Or' }, 'fr')).toBe('Encore 1 point pour Or');
});

test('a template without plural forms is filled as before, even with a | in it', () => {
  expect(format('{n} pts | shop', { n: 1500 }, 'en')).toBe('1,500 pts | shop');
  expect(format('Hi {name}', { name: '{n}' }, 'en')).toBe('Hi {n}');
  // An invalid locale tag falls back to English instead of throwing into the render.
  expect(format(en.points, { n: 2 }, 'not a locale!')).toBe('2 points');
});

test('the rewards panel shows "1 point" and "12,500 points", not "1 points" and "12500 points"', async () => {
  const server = createFakeServer();
  server.state.loyalty = {
    ...GOLD_VIEW,
    balance: 12500,
    pointsToNextTier: 1,
    rewards: [{ id: 'mug', name: 'Mug', cost: 1, active: true }],
  };
  w = await renderWidget({}, { server, userId: 'jane' });
  await openDialog(w, 'Rewards');
  await w.screen.findByText('12,500 points');
  expect(w.screen.getByText('1 point to Gold')).toBeTruthy();
  expect(w.screen.getByText(/· 1 point$/)).toBeTruthy();
});
