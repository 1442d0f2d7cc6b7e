import { z } from 'zod';

/** Every admin list answers `{ items, nextCursor? }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Query of a paginated admin list: an opaque cursor from the previous page and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export * from './admin-customers';
export * from './admin-inbox';
export * from './timeline';
