import type { Me } from '../../shared/accounts.ts';
import type { users } from '../db/schema/index.ts';

export function presentMe(user: typeof users.$inferSelect): Me {
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? '',
    platformRole: user.platformRole,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
  } satisfies Me;
}
