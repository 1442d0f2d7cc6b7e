/**
 * `@rapport/protocol/schemas` — the zod schemas the server parses every body with, beside
 * everything the main entry exports (limits, names, error codes, types). Browser code
 * imports `@rapport/protocol` instead, which holds no zod.
 */

export * from '../errors';
export {
  DEVICE_SECRET_HEADER,
  DEVICE_SECRET_PATTERN,
  ID_PATTERN,
  isPathSafeId,
  USER_HASH_PATTERN,
} from '../id-pattern';
export * from '../limits';
export * from '../loyalty';
export * from '../origin';
export * from '../roles';
export * from '../survey-scales';
export * from '../trait-placeholders';
export * from '../trait-rules';
export * from '../vocabulary';
export * from '../webhooks';
export * from './admin';
export * from './config';
export * from './console';
export * from './feedback';
export * from './fields';
export * from './loyalty';
export * from './messages';
export * from './service-report';
export * from './survey-report';
export * from './surveys';
export * from './trait-rules';
export * from './webhooks';
