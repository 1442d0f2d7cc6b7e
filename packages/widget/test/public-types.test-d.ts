import { expectTypeOf, test } from 'vitest';
import type { WidgetLocale, WidgetOptions } from '../src/index';
import type { InitSettings } from '../src/loader/command-api';

test('locale suggests the shipped locales and still takes any language tag', () => {
  expectTypeOf<'en'>().toExtend<WidgetLocale>();
  expectTypeOf<'fr'>().toExtend<WidgetLocale>();
  expectTypeOf<'pt-BR'>().toExtend<WidgetLocale>();
  expectTypeOf<WidgetOptions['locale']>().toEqualTypeOf<WidgetLocale | undefined>();
  // Not widened to plain `string`, which would drop the editor's suggestions.
  expectTypeOf<WidgetLocale>().not.toEqualTypeOf<string>();
});

test('launcher, attachTo, consent and beforeSend are typed options', () => {
  expectTypeOf<WidgetOptions['launcher']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<WidgetOptions['attachTo']>().toEqualTypeOf<string | HTMLElement | undefined>();
  expectTypeOf<InitSettings['consent']>().toEqualTypeOf<
    'granted' | 'pending' | 'denied' | undefined
  >();
  expectTypeOf<NonNullable<InitSettings['beforeSend']>>().returns.not.toBeAny();
});
