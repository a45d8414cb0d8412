/**
 * Illustrative co-creation content for the demo: needs in Rotterdam-Zuid, Leipzig and Lyon,
 * answered (or not) by their councils at different speeds, so the responsiveness figures have
 * something to show; and a neighbourhood company started by residents, with the council in a
 * supporting role. Nothing here describes real events.
 */
import { sql } from 'drizzle-orm';
import type { NeedStatus } from '../../shared/needs.ts';
import { FacilitationCreate, InitiativeCreate } from '../../shared/initiatives.ts';
import { NeedCreate } from '../../shared/needs.ts';
import type { ActiveSession, SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { changeFacilitation, recordFacilitation } from '../commands/facilitation.ts';
import {
  addMilestone,
  addOutcome,
  addStakeholder,
  createInitiative,
  linkNeed,
  postUpdate,
} from '../commands/initiatives.ts';
import { changeNeedStatus, createNeed, supportNeed } from '../commands/needs.ts';

const session = (user: SessionUser): ActiveSession => ({ tokenHash: '', csrfToken: '', user });

type DemoNeed = {
  title: string;
  description: string;
  place: string;
  country: string;
  sector: string;
  council: string;
  /** Days ago it was posted, and days after posting each answer came. */
  postedDaysAgo: number;
  answers: [NeedStatus, number, string?][];
};

const NEEDS: DemoNeed[] = [
  {
    title: 'A place where unemployed neighbours can work and meet',
    description:
      'Many of us have no work and nowhere to go during the day. We want a place to work on small jobs together and meet.',
    place: 'Rotterdam-Zuid (Hillesluis)',
    country: 'NL',
    sector: '10',
    council: 'Gemeente Rotterdam',
    postedDaysAgo: 400,
    answers: [
      ['acknowledged', 6],
      ['being_addressed', 40],
    ],
  },
  {
    title: 'Safer crossing at the primary school',
    description:
      'Children cross four lanes on their way to school. A zebra crossing and a lower speed would help.',
    place: 'Rotterdam-Zuid (Bloemhof)',
    country: 'NL',
    sector: '03',
    council: 'Gemeente Rotterdam',
    postedDaysAgo: 200,
    answers: [
      ['acknowledged', 12],
      ['resolved', 95, 'A raised crossing and a 30 km/h zone since the spring.'],
    ],
  },
  {
    title: 'Community garden on the empty lot',
    description:
      'The lot behind the library has been empty for years. Residents want to grow vegetables there.',
    place: 'Rotterdam-Zuid (Afrikaanderwijk)',
    country: 'NL',
    sector: '06',
    council: 'Gemeente Rotterdam',
    postedDaysAgo: 120,
    answers: [['acknowledged', 45]],
  },
  {
    title: 'Help in Ukrainian at the residence permit office',
    description:
      'Many new residents do not understand the forms. Help in Ukrainian for a few hours a week would do.',
    place: 'Leipzig',
    country: 'DE',
    sector: '01',
    council: 'Stadt Leipzig',
    postedDaysAgo: 300,
    answers: [
      ['acknowledged', 3],
      ['being_addressed', 20],
      ['resolved', 70, 'Interpreters on Tuesdays and Thursdays, and the forms translated.'],
    ],
  },
  {
    title: 'A skate park along the canal',
    description:
      'Young people skate on the square and get sent away. A small park along the canal would be enough.',
    place: 'Leipzig-Plagwitz',
    country: 'DE',
    sector: '08',
    council: 'Stadt Leipzig',
    postedDaysAgo: 90,
    answers: [],
  },
  {
    title: 'Longer opening hours for the district library',
    description: 'Students have nowhere quiet to study in the evening.',
    place: 'Lyon 8e',
    country: 'FR',
    sector: '08',
    council: 'Ville de Lyon',
    postedDaysAgo: 150,
    answers: [
      [
        'declined',
        25,
        'There is no budget for evening staff this year; the main library is open until 21:00.',
      ],
    ],
  },
];

export async function seedDemoCoCreation(
  db: Db,
  people: { anna: SessionUser; jonas: SessionUser; marie: SessionUser; fatima: SessionUser },
  organisationIds: ReadonlyMap<string, string>,
) {
  const as = {
    anna: session(people.anna),
    jonas: session(people.jonas),
    marie: session(people.marie),
    fatima: session(people.fatima),
  };
  /** Who answers for each council: one of its members. */
  const answerer: Record<string, ActiveSession> = {
    'Gemeente Rotterdam': as.anna,
    'Stadt Leipzig': as.jonas,
    'Ville de Lyon': as.marie,
  };
  const needIds = new Map<string, string>();
  for (const n of NEEDS) {
    const need = await createNeed(
      db,
      as.fatima,
      NeedCreate.parse({
        title: n.title,
        description: n.description,
        place: n.place,
        country: n.country,
        sector: n.sector,
        responsibleOrganisationId: organisationIds.get(n.council) ?? null,
      }),
    );
    needIds.set(n.title, need.id);
    for (const who of [as.anna, as.jonas, as.marie])
      if (who !== answerer[n.council]) await supportNeed(db, who, need.id);
    for (const [status, , reason] of n.answers)
      await changeNeedStatus(db, answerer[n.council]!, need.id, status, reason ?? null);
    // Back-date the need and its answers, so the figures and the timeline look lived in.
    const day = (d: number) => sql`now() - ${`${n.postedDaysAgo - d} days`}::interval`;
    const at = (s: NeedStatus) => {
      const a = n.answers.find(([x]) => x === s);
      return a ? day(a[1]) : sql`null::timestamptz`;
    };
    await db.execute(sql`update needs set created_at = ${day(0)},
        acknowledged_at = coalesce(${at('acknowledged')}, ${at('being_addressed')}, ${at('resolved')}),
        addressed_at = ${at('being_addressed')}, resolved_at = ${at('resolved')}, declined_at = ${at('declined')}
        where id = ${need.id}`);
    await db.execute(
      sql`update need_events set at = ${day(0)} where need_id = ${need.id} and kind = 'created'`,
    );
    for (const [status, after] of n.answers)
      await db.execute(
        sql`update need_events set at = ${day(after)} where need_id = ${need.id} and to_status = ${status}`,
      );
  }

  // Residents start a neighbourhood company; the council supports it.
  const company = await createInitiative(
    db,
    as.fatima,
    InitiativeCreate.parse({
      title: 'Neighbourhood company Hillesluis',
      purpose:
        'Residents run a company that does small jobs in the neighbourhood — greening, repairs, errands — so that unemployed neighbours have work, a place to meet and an income.',
      place: 'Rotterdam-Zuid (Hillesluis)',
      country: 'NL',
      sector: '10',
      stage: 'implementing',
    }),
  );
  const hillesluis = organisationIds.get('Buurtbedrijf Hillesluis');
  if (hillesluis)
    await addStakeholder(db, as.fatima, company.id, {
      organisationId: hillesluis,
      role: 'co_implementer',
      owner: false,
    });
  if (people.jonas.email)
    await addStakeholder(db, as.fatima, company.id, {
      email: people.jonas.email,
      role: 'co_designer',
      owner: false,
    });
  const rotterdam = organisationIds.get('Gemeente Rotterdam');
  if (rotterdam) {
    const building = await recordFacilitation(
      db,
      as.anna,
      company.id,
      FacilitationCreate.parse({
        organisationId: rotterdam,
        kind: 'space',
        description: 'The former school building on the Hillevliet, rent-free.',
        address: 'Hillevliet 90, Rotterdam',
        periodStart: '2025-09-01',
        periodEnd: '2027-08-31',
        conditions: 'Open to neighbourhood groups two evenings a week.',
      }),
    );
    await changeFacilitation(db, as.anna, building.id, 'committed', null);
    await changeFacilitation(db, as.anna, building.id, 'delivered', null);
    const grant = await recordFacilitation(
      db,
      as.fatima,
      company.id,
      FacilitationCreate.parse({
        organisationId: rotterdam,
        kind: 'funding',
        description: 'A start-up grant for tools and insurance.',
        amount: 15000,
      }),
    );
    await changeFacilitation(db, as.anna, grant.id, 'committed', null);
    await recordFacilitation(
      db,
      as.anna,
      company.id,
      FacilitationCreate.parse({
        organisationId: rotterdam,
        kind: 'convene',
        description: 'Meetings with housing corporations about maintenance jobs.',
      }),
    );
  }
  await addMilestone(db, as.fatima, company.id, {
    title: 'Company registered',
    plannedOn: '2025-06-01',
    doneOn: '2025-06-15',
  });
  await addMilestone(db, as.fatima, company.id, {
    title: 'Moved into the Hillevliet building',
    plannedOn: '2025-09-01',
    doneOn: '2025-09-20',
  });
  await addMilestone(db, as.fatima, company.id, {
    title: 'First maintenance contract',
    plannedOn: '2026-12-01',
    doneOn: null,
  });
  await postUpdate(
    db,
    as.fatima,
    company.id,
    'Twelve neighbours now work two days a week; the workshop is open on Tuesday and Thursday evenings.',
  );
  await addOutcome(db, as.fatima, company.id, {
    dimension: 'citizen_involvement',
    evidence: 'monitored',
    description: 'Forty residents took part in the first year; twelve have paid work.',
  });
  const need = needIds.get('A place where unemployed neighbours can work and meet');
  if (need) await linkNeed(db, as.fatima, company.id, need);
}
