import { InvalidQueryError } from './errors';

/** Where a page of a list ended: the sort time and id of its last item. */
export interface CursorPosition {
  at: string;
  id: string;
}

/** Encodes a list position as an opaque, URL-safe cursor. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from {@link encodeCursor}; 400 `invalid_query` for anything else. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidQueryError('cursor: not a cursor this API returned.');
}
