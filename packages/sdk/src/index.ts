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
export type { ClientEventName, ClientEvents, RapportErrorLike } from './client-events';
export type { ClientOptions, ConsentState, OutboxOptions } from './client-options';
export type { RapportErrorOptions } from './errors';
export { isRapportError, RapportError } from './errors';
export type { KeyValueStorage } from './storage/key-value-storage';
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
export type { Transport, TransportRequest, TransportResponse } from './transports/transport';
export type {
  FeedbackInput,
  IdentifyOptions,
  RapportClient,
  ResolutionAnswer,
  SurveyAnswer,
  WriteReceipt,
} from './types';
