import { customType } from 'drizzle-orm/pg-core';

/** drizzle has no tsvector type; a generated tsvector column with a GIN index works on both engines. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
