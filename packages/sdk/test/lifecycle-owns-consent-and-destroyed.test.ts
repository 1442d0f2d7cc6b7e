import { expect, test, vi } from 'vitest';
import { createEmitter } from '../src/emitter';
import { createLifecycle } from '../src/lifecycle';
import { memoryStore } from '../src/storage/memory-store';

const KEY = 'rapport:pk_test:consent';

test('a choice stored by an earlier page wins over the consent option', () => {
  const storage = memoryStore();
  storage.setItem(KEY, 'denied');
  expect(createLifecycle(storage, KEY, 'granted', createEmitter()).consent()).toBe('denied');
  storage.setItem(KEY, 'something else');
  expect(createLifecycle(storage, KEY, 'pending', createEmitter()).consent()).toBe('pending');
  expect(createLifecycle(memoryStore(), KEY, undefined, createEmitter()).consent()).toBe('granted');
});

test('setConsent stores the choice and tells the listeners', () => {
  const storage = memoryStore();
  const emitter = createEmitter();
  const heard = vi.fn();
  emitter.on('consent', heard);
  const lifecycle = createLifecycle(storage, KEY, 'pending', emitter);
  expect(lifecycle.refusal()).toMatchObject({
    code: 'consent_required',
    message: 'Consent is pending; call optIn() first',
  });
  expect(() => lifecycle.allow()).toThrow('Consent is pending; call optIn() first');
  lifecycle.setConsent('granted');
  expect(storage.getItem(KEY)).toBe('granted');
  expect(heard).toHaveBeenCalledWith({ state: 'granted' });
  expect(lifecycle.refusal()).toBeUndefined();
  expect(() => lifecycle.allow()).not.toThrow();
});

test('destroyed is refused before consent, and destroy says whether it did anything', () => {
  const lifecycle = createLifecycle(memoryStore(), KEY, 'denied', createEmitter());
  expect(lifecycle.isDestroyed()).toBe(false);
  expect(lifecycle.destroy()).toBe(true);
  expect(lifecycle.destroy()).toBe(false);
  expect(lifecycle.isDestroyed()).toBe(true);
  expect(lifecycle.refusal()).toMatchObject({
    code: 'destroyed',
    message: 'The client was destroyed',
  });
});
