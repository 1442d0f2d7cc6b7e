/**
 * @rapport/sdk — the Rapport browser client: feedback, surveys, loyalty and inbox over a
 * durable outbox, with pluggable transports and storage.
 */

export type {
  BatchResponse,
  EligibleSurvey,
  ErrorCode,
  FeedbackCategory,
  FeedbackContext,
  InboxResponse,
  LoyaltyView,
  Message,
  RedeemResponse,
  WidgetConfig,
} from '@rapport/protocol';
export { createClient, createClientWith } from './client';
export type { RapportErrorOptions } from './errors';
export { isRapportError, RapportError } from './errors';
export { localStorageStore } from './storage/local-storage-store';
export { memoryStore } from './storage/memory-store';
export type { BeaconTransportOptions } from './transports/beacon';
export { beaconTransport } from './transports/beacon';
export type { FetchTransportOptions } from './transports/fetch';
export { fetchTransport } from './transports/fetch';
export type { HttpTransportOptions } from './transports/http';
export { httpTransport } from './transports/http';
export type { MemoryTransportResponse } from './transports/memory';
export { memoryTransport } from './transports/memory';
export type {
  ClientEventName,
  ClientEvents,
  ClientOptions,
  ConsentState,
  FeedbackInput,
  IdentifyOptions,
  KeyValueStorage,
  OutboxOptions,
  RapportClient,
  RapportErrorLike,
  SurveyAnswer,
  Transport,
  TransportRequest,
  TransportResponse,
  WriteReceipt,
} from './types';
