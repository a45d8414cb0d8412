import { z } from 'zod';

/**
 * The controlled vocabularies of the case library (see docs/case-library.md): typed constants,
 * each value with its English and Dutch label. The web app and the CSV codebook both read the
 * labels from here, so a value cannot exist without its translations.
 */
export type Label = { en: string; nl: string };

export function vocabulary<const V extends string>(labels: Record<V, Label>) {
  // Object keys that look like integers ('10') come first in JavaScript: numeric codes are sorted.
  const keys = Object.keys(labels);
  if (keys.every((k) => /^\d+$/.test(k))) keys.sort((a, b) => Number(a) - Number(b));
  const values = keys as [V, ...V[]];
  return { values, schema: z.enum(values), labels };
}

export const CASE_LEVELS = vocabulary({
  local: { en: 'Local', nl: 'Lokaal' },
  regional: { en: 'Regional', nl: 'Regionaal' },
  national: { en: 'National', nl: 'Nationaal' },
  supranational: { en: 'Supranational', nl: 'Supranationaal' },
  cross_border: { en: 'Cross-border', nl: 'Grensoverschrijdend' },
});

/** The ten divisions of COFOG (UN Classification of the Functions of Government). */
export const CASE_SECTORS = vocabulary({
  '01': { en: 'General public services', nl: 'Algemeen openbaar bestuur' },
  '02': { en: 'Defence', nl: 'Defensie' },
  '03': { en: 'Public order and safety', nl: 'Openbare orde en veiligheid' },
  '04': { en: 'Economic affairs', nl: 'Economische zaken' },
  '05': { en: 'Environmental protection', nl: 'Milieubescherming' },
  '06': { en: 'Housing and community amenities', nl: 'Huisvesting en voorzieningen' },
  '07': { en: 'Health', nl: 'Gezondheid' },
  '08': { en: 'Recreation, culture and religion', nl: 'Recreatie, cultuur en religie' },
  '09': { en: 'Education', nl: 'Onderwijs' },
  '10': { en: 'Social protection', nl: 'Sociale bescherming' },
});

/** The OPSI innovation lifecycle. */
export const CASE_STAGES = vocabulary({
  identifying_problems: { en: 'Identifying problems', nl: 'Problemen verkennen' },
  generating_ideas: { en: 'Generating ideas', nl: 'Ideeën bedenken' },
  developing_proposals: { en: 'Developing proposals', nl: 'Voorstellen uitwerken' },
  implementing: { en: 'Implementing', nl: 'Invoeren' },
  evaluating: { en: 'Evaluating', nl: 'Evalueren' },
  diffusing_lessons: { en: 'Diffusing lessons', nl: 'Lessen verspreiden' },
});

export const CASE_MATURITIES = vocabulary({
  planned: { en: 'Planned', nl: 'Gepland' },
  in_development: { en: 'In development', nl: 'In ontwikkeling' },
  pilot: { en: 'Pilot', nl: 'Pilot' },
  implemented: { en: 'Implemented', nl: 'Ingevoerd' },
  discontinued: { en: 'Discontinued', nl: 'Beëindigd' },
});

/** The four innovation facets of OECD OPSI. */
export const CASE_FACETS = vocabulary({
  enhancement: { en: 'Enhancement-oriented', nl: 'Verbeteringsgericht' },
  mission: { en: 'Mission-oriented', nl: 'Missiegericht' },
  adaptive: { en: 'Adaptive', nl: 'Adaptief' },
  anticipatory: { en: 'Anticipatory', nl: 'Anticiperend' },
});

/** Types of public-sector innovation (De Vries, Bekkers & Tummers 2016). */
export const INNOVATION_TYPES = vocabulary({
  process_administrative: {
    en: 'Process innovation (administrative)',
    nl: 'Procesinnovatie (administratief)',
  },
  process_technological: {
    en: 'Process innovation (technological)',
    nl: 'Procesinnovatie (technologisch)',
  },
  product_service: { en: 'Product or service innovation', nl: 'Product- of dienstinnovatie' },
  governance: { en: 'Governance innovation', nl: 'Governance-innovatie' },
  conceptual: { en: 'Conceptual innovation', nl: 'Conceptuele innovatie' },
});

/** The role of citizens in co-creation (Voorberg, Bekkers & Tummers 2015). */
export const CITIZEN_ROLES = vocabulary({
  co_initiator: { en: 'Co-initiator', nl: 'Mede-initiatiefnemer' },
  co_designer: { en: 'Co-designer', nl: 'Mede-ontwerper' },
  co_implementer: { en: 'Co-implementer', nl: 'Mede-uitvoerder' },
  none: { en: 'No citizen role', nl: 'Geen rol voor burgers' },
});

/** The IAP2 spectrum of public participation. */
export const PARTICIPATION_LEVELS = vocabulary({
  inform: { en: 'Inform', nl: 'Informeren' },
  consult: { en: 'Consult', nl: 'Raadplegen' },
  involve: { en: 'Involve', nl: 'Betrekken' },
  collaborate: { en: 'Collaborate', nl: 'Samenwerken' },
  empower: { en: 'Empower', nl: 'Zeggenschap geven' },
});

export const PARTNER_ROLES = vocabulary({
  lead: { en: 'Lead', nl: 'Trekker' },
  partner: { en: 'Partner', nl: 'Partner' },
  funder: { en: 'Funder', nl: 'Financier' },
  implementer: { en: 'Implementer', nl: 'Uitvoerder' },
  facilitator: { en: 'Facilitator', nl: 'Facilitator' },
});

/** The seven kinds of resource that organisations and people link and share. */
export const RESOURCE_KINDS = vocabulary({
  knowledge: { en: 'Knowledge', nl: 'Kennis' },
  information: { en: 'Information', nl: 'Informatie' },
  expertise: { en: 'Expertise', nl: 'Expertise' },
  people: { en: 'People', nl: 'Mensen' },
  money: { en: 'Money', nl: 'Geld' },
  contacts: { en: 'Contacts', nl: 'Contacten' },
  space: { en: 'Space', nl: 'Ruimte' },
});

export const EXPERIMENTATION_SPACES = vocabulary({
  none: { en: 'None', nl: 'Geen' },
  pilot: { en: 'Pilot', nl: 'Pilot' },
  lab: { en: 'Innovation lab', nl: 'Innovatielab' },
  sandbox: {
    en: 'Sandbox or regulatory exemption',
    nl: 'Proeftuin of regelluwe ruimte',
  },
  challenge: { en: 'Challenge or prize', nl: 'Challenge of prijsvraag' },
});

export const OUTCOME_DIMENSIONS = vocabulary({
  effectiveness: { en: 'Effectiveness', nl: 'Doeltreffendheid' },
  efficiency: { en: 'Efficiency', nl: 'Doelmatigheid' },
  service_quality: { en: 'Service quality', nl: 'Kwaliteit van dienstverlening' },
  citizen_involvement: { en: 'Citizen involvement', nl: 'Betrokkenheid van burgers' },
  private_involvement: {
    en: 'Private-partner involvement',
    nl: 'Betrokkenheid van private partners',
  },
  cost: { en: 'Cost', nl: 'Kosten' },
});

export const EVIDENCE_LEVELS = vocabulary({
  none: { en: 'No evidence', nl: 'Geen bewijs' },
  anecdotal: { en: 'Anecdotal', nl: 'Anekdotisch' },
  monitored: { en: 'Monitored', nl: 'Gemonitord' },
  evaluated: { en: 'Formally evaluated', nl: 'Formeel geëvalueerd' },
});

export const NARRATIVE_SECTIONS = vocabulary({
  problem: { en: 'Problem', nl: 'Probleem' },
  context: { en: 'Context', nl: 'Context' },
  partners: { en: 'Partners', nl: 'Partners' },
  process: { en: 'Process', nl: 'Proces' },
  results: { en: 'Results', nl: 'Resultaten' },
  challenges: { en: 'Challenges and failures', nl: 'Uitdagingen en mislukkingen' },
  conditions: { en: 'Conditions for success', nl: 'Voorwaarden voor succes' },
  replication: { en: 'Replication', nl: 'Navolging' },
  lessons: { en: 'Lessons', nl: 'Lessen' },
});

export const CASE_STATUSES = vocabulary({
  draft: { en: 'Draft', nl: 'Concept' },
  published: { en: 'Published', nl: 'Gepubliceerd' },
});

export const CODE_DIRECTIONS = vocabulary({
  driver: { en: 'Driver', nl: 'Drijfveer' },
  barrier: { en: 'Barrier', nl: 'Belemmering' },
});

/** Labels of the governance traditions (values: GOVERNANCE_TRADITIONS in governance-traditions.ts). */
export const TRADITIONS = vocabulary({
  'anglo-saxon': { en: 'Anglo-Saxon', nl: 'Angelsaksisch' },
  napoleonic: { en: 'Napoleonic', nl: 'Napoleontisch' },
  germanic: { en: 'Germanic', nl: 'Germaans' },
  scandinavian: { en: 'Scandinavian', nl: 'Scandinavisch' },
  cee: { en: 'Central and Eastern European', nl: 'Centraal- en Oost-Europees' },
});

export const FACTOR_LEVELS = vocabulary({
  environmental: { en: 'Environmental', nl: 'Omgeving' },
  organisational: { en: 'Organisational', nl: 'Organisatie' },
  innovation: { en: 'Innovation characteristics', nl: 'Kenmerken van de innovatie' },
  individual: { en: 'Individual', nl: 'Individu' },
  cocreation_organisation: {
    en: 'Co-creation: organisation side',
    nl: 'Co-creatie: kant van de organisatie',
  },
  cocreation_citizen: { en: 'Co-creation: citizen side', nl: 'Co-creatie: kant van de burger' },
});
export type FactorLevel = (typeof FACTOR_LEVELS.values)[number];

/**
 * Antecedents of public-sector innovation: De Vries, Bekkers & Tummers (2016), "Innovation in the
 * public sector: a systematic review and future research agenda", Public Administration 94(1);
 * co-creation factors from Voorberg, Bekkers & Tummers (2015), Public Management Review 17(9).
 * Code = level prefix + factor; the same factor can be a driver in one case and a barrier in another.
 */
export const FACTORS = vocabulary({
  'env.external_pressure': {
    en: 'External pressure (media, public, politics)',
    nl: 'Externe druk (media, publiek, politiek)',
  },
  'env.networks': {
    en: 'Participation in inter-organisational networks',
    nl: 'Deelname aan interorganisationele netwerken',
  },
  'env.regulation': { en: 'Regulatory aspects', nl: 'Wet- en regelgeving' },
  'env.peers': {
    en: 'Compatibility with peers (adoption by others, competition)',
    nl: 'Navolging door anderen en concurrentie',
  },
  'org.slack_resources': { en: 'Slack resources', nl: 'Beschikbare middelen' },
  'org.leadership': { en: 'Leadership style', nl: 'Leiderschapsstijl' },
  'org.culture': {
    en: 'Risk aversion versus learning culture',
    nl: 'Risicomijding tegenover lerende cultuur',
  },
  'org.incentives': { en: 'Incentives and rewards', nl: 'Prikkels en beloningen' },
  'org.conflict': { en: 'Conflict', nl: 'Conflict' },
  'org.structure': { en: 'Organisational structure', nl: 'Organisatiestructuur' },
  'inn.ease_of_use': { en: 'Ease of use', nl: 'Gebruiksgemak' },
  'inn.relative_advantage': { en: 'Relative advantage', nl: 'Relatief voordeel' },
  'inn.compatibility': { en: 'Compatibility', nl: 'Verenigbaarheid' },
  'inn.trialability': { en: 'Trialability', nl: 'Uitprobeerbaarheid' },
  'inn.observability': { en: 'Observability', nl: 'Zichtbaarheid van resultaten' },
  'ind.autonomy': { en: 'Employee autonomy', nl: 'Autonomie van medewerkers' },
  'ind.position': { en: 'Organisational position', nl: 'Positie in de organisatie' },
  'ind.tenure': { en: 'Job tenure', nl: 'Dienstjaren' },
  'ind.creativity': { en: 'Creativity', nl: 'Creativiteit' },
  'ind.commitment': { en: 'Commitment', nl: 'Betrokkenheid' },
  'ind.shared_meaning': { en: 'Shared meaning making', nl: 'Gedeelde betekenisgeving' },
  'ind.acceptance': { en: 'Acceptance of innovation', nl: 'Acceptatie van de innovatie' },
  'coo.compatibility': {
    en: 'Compatibility of public organisations with citizen participation',
    nl: 'Ontvankelijkheid van de organisatie voor burgerparticipatie',
  },
  'coo.open_attitude': {
    en: 'Open attitude towards citizen participation',
    nl: 'Open houding tegenover burgerparticipatie',
  },
  'coo.risk_averse': {
    en: 'Risk-averse administrative culture',
    nl: 'Risicomijdende bestuurscultuur',
  },
  'coo.incentives': {
    en: 'Clear incentives for co-creation',
    nl: 'Duidelijke prikkels voor co-creatie',
  },
  'coc.skills_values': {
    en: 'Citizen characteristics (skills, intrinsic values)',
    nl: 'Kenmerken van burgers (vaardigheden, waarden)',
  },
  'coc.ownership': { en: 'Customer awareness and ownership', nl: 'Gevoel van eigenaarschap' },
  'coc.social_capital': { en: 'Presence of social capital', nl: 'Sociaal kapitaal' },
  'coc.trust': { en: 'Risk aversion and trust of citizens', nl: 'Vertrouwen van burgers' },
});
export type Factor = (typeof FACTORS.values)[number];

const LEVEL_OF_PREFIX: Record<string, FactorLevel> = {
  env: 'environmental',
  org: 'organisational',
  inn: 'innovation',
  ind: 'individual',
  coo: 'cocreation_organisation',
  coc: 'cocreation_citizen',
};

/** The level of the taxonomy a factor belongs to. */
export function factorLevel(factor: Factor): FactorLevel {
  const level = LEVEL_OF_PREFIX[factor.slice(0, 3)];
  if (!level) throw new Error(`factor ${factor} has no level`);
  return level;
}

export const CaseLevel = CASE_LEVELS.schema;
export type CaseLevel = z.infer<typeof CaseLevel>;
export const CaseSector = CASE_SECTORS.schema;
export type CaseSector = z.infer<typeof CaseSector>;
export const CaseStage = CASE_STAGES.schema;
export type CaseStage = z.infer<typeof CaseStage>;
export const CaseMaturity = CASE_MATURITIES.schema;
export type CaseMaturity = z.infer<typeof CaseMaturity>;
export const CaseFacet = CASE_FACETS.schema;
export type CaseFacet = z.infer<typeof CaseFacet>;
export const InnovationType = INNOVATION_TYPES.schema;
export type InnovationType = z.infer<typeof InnovationType>;
export const CitizenRole = CITIZEN_ROLES.schema;
export type CitizenRole = z.infer<typeof CitizenRole>;
export const ParticipationLevel = PARTICIPATION_LEVELS.schema;
export type ParticipationLevel = z.infer<typeof ParticipationLevel>;
export const PartnerRole = PARTNER_ROLES.schema;
export type PartnerRole = z.infer<typeof PartnerRole>;
export const ResourceKind = RESOURCE_KINDS.schema;
export type ResourceKind = z.infer<typeof ResourceKind>;
export const ExperimentationSpace = EXPERIMENTATION_SPACES.schema;
export type ExperimentationSpace = z.infer<typeof ExperimentationSpace>;
export const OutcomeDimension = OUTCOME_DIMENSIONS.schema;
export type OutcomeDimension = z.infer<typeof OutcomeDimension>;
export const EvidenceLevel = EVIDENCE_LEVELS.schema;
export type EvidenceLevel = z.infer<typeof EvidenceLevel>;
export const NarrativeSection = NARRATIVE_SECTIONS.schema;
export type NarrativeSection = z.infer<typeof NarrativeSection>;
export const CaseStatus = CASE_STATUSES.schema;
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CodeDirection = CODE_DIRECTIONS.schema;
export type CodeDirection = z.infer<typeof CodeDirection>;
export const FactorCode = FACTORS.schema;

/** Every vocabulary by name (the codebook and the web app's labels iterate over this). */
export const CASE_VOCABULARIES = {
  level: CASE_LEVELS,
  sector: CASE_SECTORS,
  stage: CASE_STAGES,
  maturity: CASE_MATURITIES,
  facet: CASE_FACETS,
  innovationType: INNOVATION_TYPES,
  citizenRole: CITIZEN_ROLES,
  participation: PARTICIPATION_LEVELS,
  partnerRole: PARTNER_ROLES,
  resource: RESOURCE_KINDS,
  experimentation: EXPERIMENTATION_SPACES,
  outcome: OUTCOME_DIMENSIONS,
  evidence: EVIDENCE_LEVELS,
  section: NARRATIVE_SECTIONS,
  status: CASE_STATUSES,
  direction: CODE_DIRECTIONS,
  tradition: TRADITIONS,
  factorLevel: FACTOR_LEVELS,
  factor: FACTORS,
} as const;
export type VocabularyName = keyof typeof CASE_VOCABULARIES;
