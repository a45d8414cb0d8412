import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { OrganisationCreate } from '../../shared/organisations.ts';
import type { Db } from '../db/client.ts';
import { adoptions, cases, organisationMembers, users } from '../db/schema/index.ts';
import type { AdoptionMechanism } from '../../shared/diffusion.ts';
import { createUser } from '../commands/accounts.ts';
import { createOrganisation } from '../commands/organisations.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import { CaseCreate } from '../../shared/cases.ts';
import { insertCase, insertCode } from '../commands/case-store.ts';
import { ILLUSTRATIVE_CASES } from './illustrative-cases.ts';
import { importJrc, JRC_SOURCE } from '../commands/case-import-jrc.ts';
import { PROJECT_ROOT } from '../paths.ts';

/** The JRC cases, bundled with the project (see jrc/SOURCE.md). */
import { seedDemoHavens } from './havens.ts';
import { seedDemoCoCreation } from './co-creation.ts';
import { seedDemoExchange } from './exchange.ts';
import { seedDemoGroups } from './groups.ts';

export const JRC_CASES_FILE = path.join(PROJECT_ROOT, 'src/server/demo/jrc/cases.csv');
/** The number of cases in that file (a test keeps it true). */
export const JRC_CASE_COUNT = 853;

/**
 * Imports the bundled JRC cases unless they are all there: the import is idempotent and batched,
 * so a start that was interrupted half-way finishes the job on the next start.
 */
export async function seedJrcCases(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(cases).where(eq(cases.source, JRC_SOURCE));
  if ((row?.n ?? 0) >= JRC_CASE_COUNT) return false;
  await importJrc(db, fs.createReadStream(JRC_CASES_FILE));
  return true;
}

/** Demo accounts; the README lists them. Never seeded in production. */
export const DEMO_ACCOUNTS = [
  {
    name: 'Demo Admin',
    email: 'admin@demo.connective.eu',
    password: 'demo-admin-password',
    platformRole: 'admin',
  },
  {
    name: 'Anna de Vries',
    email: 'anna@demo.connective.eu',
    password: 'demo-member-password',
    platformRole: 'member',
  },
  {
    name: 'Jonas Weber',
    email: 'jonas@demo.connective.eu',
    password: 'demo-member-password',
    platformRole: 'member',
  },
  {
    name: 'Marie Dubois',
    email: 'marie@demo.connective.eu',
    password: 'demo-moderator-password',
    platformRole: 'moderator',
  },
  {
    name: 'Fatima El Amrani',
    email: 'fatima@demo.connective.eu',
    password: 'demo-resident-password',
    platformRole: 'member',
  },
] as const;

const DEMO_ORGANISATIONS: { owner: number; org: OrganisationCreate }[] = [
  {
    owner: 1,
    org: {
      name: 'Gemeente Rotterdam',
      kind: 'public_body',
      country: 'NL',
      level: 'local',
      sector: '10',
      website: 'https://www.rotterdam.nl',
      description: 'Municipality supporting neighbourhood companies run by residents.',
    },
  },
  {
    owner: 1,
    org: {
      name: 'Erasmus University Rotterdam',
      kind: 'academic',
      country: 'NL',
      sector: '09',
      website: 'https://www.eur.nl',
      description: 'Research on public-sector innovation, co-creation and governance.',
    },
  },
  {
    owner: 2,
    org: {
      name: 'Stadt Leipzig',
      kind: 'public_body',
      country: 'DE',
      level: 'local',
      sector: '01',
      description: 'City administration experimenting with digital public services.',
    },
  },
  {
    owner: 2,
    org: {
      name: 'Buurtbedrijf Hillesluis',
      kind: 'community_group',
      country: 'NL',
      sector: '06',
      description: 'A neighbourhood company run by residents: jobs, repairs and a meeting place.',
    },
  },
  {
    owner: 3,
    org: {
      name: 'Ville de Lyon',
      kind: 'public_body',
      country: 'FR',
      level: 'local',
      sector: '05',
      description: 'Participatory budgeting and urban climate experiments.',
    },
  },
  {
    owner: 3,
    org: {
      name: 'Digitaliseringsstyrelsen',
      kind: 'public_body',
      country: 'DK',
      level: 'national',
      sector: '01',
      description: 'Danish Agency for Digital Government.',
    },
  },
  {
    owner: 0,
    org: {
      name: 'Open Knowledge Estonia',
      kind: 'civil_society',
      country: 'EE',
      sector: '01',
      description: 'Civil-society organisation for open data and open government.',
    },
  },
  {
    owner: 0,
    org: {
      name: 'Civic Tech Works Ltd',
      kind: 'company',
      country: 'GB',
      sector: '04',
      description: 'A company offering pro-bono expertise in service design.',
    },
  },
];

/** Seeds the demo when the database has no accounts yet; returns whether it did. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  const created = [];
  for (const a of DEMO_ACCOUNTS) {
    created.push(
      await createUser(db, {
        name: a.name,
        email: a.email,
        password: a.password,
        platformRole: a.platformRole,
      }),
    );
  }
  const organisationIds = new Map<string, string>();
  for (const { owner, org } of DEMO_ORGANISATIONS) {
    const user = created[owner];
    if (!user) continue;
    const viewer: ActiveSession = { tokenHash: '', csrfToken: '', user };
    const o = await createOrganisation(db, viewer, org);
    organisationIds.set(o.name, o.id);
    // A colleague in every organisation, so member lists are not empty.
    const colleague = created[(owner % 3) + 1];
    if (colleague && colleague.id !== user.id) {
      await db
        .insert(organisationMembers)
        .values({ organisationId: o.id, userId: colleague.id, role: 'member' });
    }
  }
  const coders = { anna: created[1]!, jonas: created[2]! };
  await seedIllustrativeCases(db, coders.anna.id, coders, organisationIds);
  await seedDemoAdoptions(db, organisationIds, created[0]!.id);
  await seedDemoHavens(
    db,
    { anna: created[1]!, jonas: created[2]!, marie: created[3]! },
    organisationIds,
  );
  const people = { anna: created[1]!, jonas: created[2]!, marie: created[3]!, fatima: created[4]! };
  await seedDemoCoCreation(db, people, organisationIds);
  await seedDemoExchange(db, people, organisationIds);
  await seedDemoGroups(db, people);
  return true;
}

/**
 * Illustrative adoption records, so the diffusion view shows who learned what from whom: demo
 * organisations taking up ideas of the illustrative cases.
 */
const DEMO_ADOPTIONS: {
  organisation: string;
  caseTitle: string;
  adoptedOn: string;
  from?: string;
  mechanism: AdoptionMechanism;
  adaptations: string;
  ratings: [number, number, number, number, number];
}[] = [
  {
    organisation: 'Ville de Lyon',
    caseTitle: 'Collaboration pacts for urban commons in Padua',
    adoptedOn: '2019-09-01',
    mechanism: 'learning',
    adaptations: 'Pacts signed by district mayors; a shorter standard pact for small spaces.',
    ratings: [4, 4, 3, 4, 5],
  },
  {
    organisation: 'Stadt Leipzig',
    caseTitle: 'Co-designed municipal chatbot for residents of Athens',
    adoptedOn: '2022-03-01',
    from: 'Digitaliseringsstyrelsen',
    mechanism: 'imitation',
    adaptations: 'German and Ukrainian instead of Greek and Arabic; the same hand-over to staff.',
    ratings: [4, 3, 3, 4, 4],
  },
  {
    organisation: 'Gemeente Rotterdam',
    caseTitle: "Co-designed 'cool streets' against summer heat in Vienna",
    adoptedOn: '2021-05-01',
    mechanism: 'learning',
    adaptations:
      'Two streets in Rotterdam-Zuid, with the neighbourhood company doing the planting.',
    ratings: [5, 4, 2, 5, 5],
  },
  {
    organisation: 'Digitaliseringsstyrelsen',
    caseTitle: 'Co-designed municipal chatbot for residents of Athens',
    adoptedOn: '2021-10-01',
    mechanism: 'normative',
    adaptations: 'A national guideline for municipal chatbots built on the Athens design.',
    ratings: [3, 4, 3, 3, 4],
  },
];

async function seedDemoAdoptions(
  db: Db,
  organisationIds: ReadonlyMap<string, string>,
  recordedBy: string,
) {
  const found = await db.select({ id: cases.id, title: cases.title }).from(cases);
  const caseIds = new Map(found.map((c) => [c.title, c.id]));
  await db.insert(adoptions).values(
    DEMO_ADOPTIONS.flatMap((a) => {
      const organisationId = organisationIds.get(a.organisation);
      const caseId = caseIds.get(a.caseTitle);
      if (!organisationId || !caseId) return [];
      const [relativeAdvantage, compatibility, complexity, trialability, observability] = a.ratings;
      return [
        {
          organisationId,
          caseId,
          adoptedOn: a.adoptedOn,
          sourceCaseId: a.from ? null : caseId,
          sourceOrganisationId: a.from ? (organisationIds.get(a.from) ?? null) : null,
          mechanism: a.mechanism,
          adaptations: a.adaptations,
          relativeAdvantage,
          compatibility,
          complexity,
          trialability,
          observability,
          recordedBy,
        },
      ];
    }),
  );
}

/**
 * The cases written for the demo, authored by Anna and coded by Anna and Jonas (so the coding
 * view has two coders to compare); partners that are demo organisations are linked to them.
 */
export async function seedIllustrativeCases(
  db: Db,
  authorId: string,
  coders: Record<'anna' | 'jonas', { id: string; name: string }>,
  organisationIds: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  await db.transaction(async (tx) => {
    for (const item of ILLUSTRATIVE_CASES) {
      const fields = CaseCreate.parse(item.case);
      fields.partners = fields.partners.map((p) => ({
        ...p,
        organisationId: p.organisationId ?? organisationIds.get(p.name) ?? null,
      }));
      const row = await insertCase(tx, fields, {
        authorId,
        provenance: {
          source: 'connective-demo',
          sourceId: item.key,
          sourceUrl: null,
          retrievedAt: null,
        },
      });
      for (const code of item.codes) {
        const coder = coders[code.coder];
        await insertCode(tx, row.id, {
          factor: code.factor,
          direction: code.direction,
          evidence: code.evidence,
          coderId: coder.id,
          coderName: coder.name,
        });
      }
    }
  });
  return ILLUSTRATIVE_CASES.length;
}
