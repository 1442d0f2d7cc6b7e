// The SDK's public types the widget builds against.
export type { RapportClient, RapportErrorLike } from '../../sdk/src/types';
