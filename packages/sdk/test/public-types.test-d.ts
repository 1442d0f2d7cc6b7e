import type { BatchResponse, ErrorCode, Message } from '@rapport/protocol';
import { expectTypeOf, test } from 'vitest';
import {
  type ClientEvents,
  type ClientOptions,
  createClient,
  isRapportError,
  memoryTransport,
  type RapportClient,
  type RapportError,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  type WriteReceipt,
} from '../src/index';

test('createClient returns a RapportClient whose writes resolve receipts', () => {
  expectTypeOf(createClient).returns.toEqualTypeOf<RapportClient>();
  expectTypeOf<RapportClient['feedback']>().returns.toEqualTypeOf<Promise<WriteReceipt>>();
  expectTypeOf<WriteReceipt['status']>().toEqualTypeOf<'sent' | 'queued' | 'dropped'>();
  expectTypeOf<RapportClient['flush']>().returns.toEqualTypeOf<
    Promise<BatchResponse | undefined>
  >();
});

test('event listeners receive the payload of their event, and on() returns an unsubscribe', () => {
  const client = {} as RapportClient;
  expectTypeOf(client.on<'dropped'>)
    .parameter(1)
    .parameter(0)
    .toEqualTypeOf<{ messages: Message[]; reason: 'count' | 'bytes' }>();
  expectTypeOf<ClientEvents['error']['error']['code']>().toEqualTypeOf<ErrorCode>();
  expectTypeOf<ClientEvents['sent']>().toEqualTypeOf<{ message: Message }>();
  expectTypeOf(client.on<'sent'>).returns.toEqualTypeOf<() => void>();
  // The widget's dialog events go through the same client.
  expectTypeOf<ClientEvents['open']>().toEqualTypeOf<{ panel: 'feedback' | 'loyalty' | 'inbox' }>();
  expectTypeOf<ClientEvents['close']>().toEqualTypeOf<Record<string, never>>();
});

test('beforeSend takes a message and returns one, or null/undefined to drop it', () => {
  expectTypeOf<NonNullable<ClientOptions['beforeSend']>>().parameters.toEqualTypeOf<[Message]>();
  expectTypeOf<NonNullable<ClientOptions['beforeSend']>>().returns.toEqualTypeOf<
    Message | null | undefined
  >();
});

test('a transport is one send(request) → Promise<response>; memoryTransport builds one', () => {
  expectTypeOf<Transport['send']>().parameters.toEqualTypeOf<[TransportRequest]>();
  expectTypeOf<Transport['send']>().returns.toEqualTypeOf<Promise<TransportResponse>>();
  expectTypeOf(memoryTransport).returns.toEqualTypeOf<Transport>();
  // Any handler of the documented shape is accepted (headers may also be left out).
  expectTypeOf<
    (request: TransportRequest) => TransportResponse | Promise<TransportResponse>
  >().toExtend<Parameters<typeof memoryTransport>[0]>();
});

test('RapportError carries a protocol error code; isRapportError narrows', () => {
  expectTypeOf<RapportError['code']>().toEqualTypeOf<ErrorCode>();
  expectTypeOf<RapportError['name']>().toEqualTypeOf<'RapportError'>();
  const value: unknown = undefined;
  if (isRapportError(value)) expectTypeOf(value).toEqualTypeOf<RapportError>();
});
