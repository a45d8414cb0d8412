import type {
  GovernmentLevel,
  MemberRole,
  OrganisationKind,
  Sector,
} from '../shared/organisations.ts';
import type { Translate } from './validation.ts';

export const kindLabel = (t: Translate, kind: OrganisationKind) => t(`vocab.kinds.${kind}`);
export const levelLabel = (t: Translate, level: GovernmentLevel) => t(`vocab.levels.${level}`);
export const sectorLabel = (t: Translate, sector: Sector) => t(`vocab.sectors.${sector}`);
export const roleLabel = (t: Translate, role: MemberRole) => t(`vocab.roles.${role}`);
