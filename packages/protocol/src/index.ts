/**
 * @rapport/protocol — the wire contract between the Rapport SDK and server.
 *
 * The SDK imports only the types (`import type`), so zod never reaches the browser bundle;
 * the server parses every body with these schemas.
 */

export * from './admin';
export * from './config';
export * from './console';
export * from './errors';
export * from './feedback';
export * from './fields';
// Straight from its zod-free module: through fields.ts it would pull zod into the SDK bundle.
export { ID_PATTERN, isPathSafeId } from './id-pattern';
export * from './limits';
export * from './loyalty';
export * from './messages';
export * from './roles';
export * from './surveys';
