import { z } from 'zod';

export const Limit = z.coerce.number().int().min(1).max(100).default(20);

/** A page of results with an opaque cursor for the next page (keyset pagination). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
