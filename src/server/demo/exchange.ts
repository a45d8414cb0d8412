/**
 * Illustrative resource exchange for the demo: the neighbourhood company in Hillesluis asks for a
 * bookkeeper, a building and start-up money; a company, a university and two councils offer what
 * they have; some pledges are confirmed, so the ledger and the capacity profiles show something.
 * Nothing here describes real events.
 */
import { sql } from 'drizzle-orm';
import { ExchangeItemCreate } from '../../shared/exchange.ts';
import type { ActiveSession, SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { createItem } from '../commands/exchange.ts';
import { changePledge, createPledge } from '../commands/pledges.ts';
import { ExchangeMatcher } from '../exchange/matcher.ts';

const session = (user: SessionUser): ActiveSession => ({ tokenHash: '', csrfToken: '', user });

export async function seedDemoExchange(
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
  const matcher = new ExchangeMatcher({ notifyThreshold: 0.6 });
  const org = (name: string) => organisationIds.get(name) ?? null;
  const [initiative] = await rows<{ id: string }>(
    db,
    sql`select id from initiatives where title = 'Neighbourhood company Hillesluis'`,
  );
  const make = (who: ActiveSession, input: Record<string, unknown>) =>
    createItem(db, matcher, who, ExchangeItemCreate.parse(input));

  const bookkeeper = await make(as.fatima, {
    side: 'request',
    kind: 'expertise',
    title: 'A bookkeeper for our neighbourhood company, four hours a week',
    description:
      'We invoice small jobs (greening, repairs, errands) and pay neighbours a fair wage. We need help with bookkeeping, invoices and the annual accounts.',
    sectors: ['04', '10'],
    country: 'NL',
    region: 'Rotterdam',
    hoursPerWeek: 4,
    durationWeeks: 26,
    initiativeId: initiative?.id ?? null,
  });
  const building = await make(as.fatima, {
    side: 'request',
    kind: 'space',
    title: 'A workshop where neighbours can work and meet',
    description: 'A ground-floor room to store tools, repair things and have coffee together.',
    sectors: ['06', '10'],
    country: 'NL',
    region: 'Rotterdam',
    capacity: 20,
    initiativeId: initiative?.id ?? null,
  });
  await make(as.fatima, {
    side: 'request',
    kind: 'money',
    title: 'Start-up money for tools and insurance',
    description: 'Tools, a cargo bike and liability insurance for the first year.',
    sectors: ['10'],
    country: 'NL',
    amount: 8000,
    currency: 'EUR',
    initiativeId: initiative?.id ?? null,
  });
  const probono = await make(as.anna, {
    side: 'offer',
    kind: 'expertise',
    title: 'Pro-bono bookkeeping for community companies',
    description:
      'Our team keeps the books, prepares invoices and the annual accounts of small community companies, remotely or on site.',
    sectors: ['04'],
    country: 'GB',
    remote: true,
    hoursPerWeek: 4,
    durationWeeks: 52,
    organisationId: org('Civic Tech Works Ltd'),
  });
  const school = await make(as.anna, {
    side: 'offer',
    kind: 'space',
    title: 'The ground floor of a former school in Hillesluis',
    description:
      'Three rooms and a yard, free of rent for neighbourhood initiatives; we ask you to keep it open to residents.',
    sectors: ['06'],
    country: 'NL',
    region: 'Rotterdam',
    capacity: 40,
    address: 'Hillesluis, Rotterdam-Zuid',
    accessibility: 'Step-free entrance; an accessible toilet.',
    organisationId: org('Gemeente Rotterdam'),
  });
  await make(as.anna, {
    side: 'offer',
    kind: 'knowledge',
    title: 'Evaluation know-how for social enterprises',
    description:
      'Researchers help you set up a simple evaluation: what to measure, how to ask neighbours, how to report to funders.',
    sectors: ['10', '09'],
    country: 'NL',
    remote: true,
    format: 'consultation',
    organisationId: org('Erasmus University Rotterdam'),
  });
  await make(as.jonas, {
    side: 'offer',
    kind: 'money',
    title: 'Neighbourhood fund for social enterprises',
    description:
      'Grants up to 10 000 euro for tools and start-up costs of neighbourhood companies.',
    sectors: ['10'],
    country: 'DE',
    amount: 10000,
    currency: 'EUR',
    organisationId: org('Stadt Leipzig'),
  });
  await make(as.marie, {
    side: 'offer',
    kind: 'contacts',
    title: 'Introductions to housing corporations in Lyon',
    description: 'We introduce citizen initiatives to the housing corporations of the city.',
    sectors: ['06'],
    country: 'FR',
    organisationId: org('Ville de Lyon'),
  });

  // The company answers the bookkeeper request: proposed, accepted, delivered, confirmed.
  const books = await createPledge(db, as.anna, {
    offerId: probono.id,
    requestId: bookkeeper.id,
    hours: 104,
    amount: null,
    currency: null,
    days: null,
    note: 'Four hours a week for half a year.',
    organisationId: null,
  });
  await changePledge(db, as.fatima, books.id, { status: 'accepted', note: 'Thank you!' });
  await changePledge(db, as.anna, books.id, { status: 'delivered', note: '' });
  await changePledge(db, as.fatima, books.id, {
    status: 'confirmed',
    note: 'The accounts for the first half year are done.',
  });
  // The council offers the school building; accepted, in use, not yet confirmed.
  const room = await createPledge(db, as.anna, {
    offerId: school.id,
    requestId: building.id,
    hours: null,
    amount: null,
    currency: null,
    days: 180,
    note: '',
    organisationId: null,
  });
  await changePledge(db, as.fatima, room.id, { status: 'accepted', note: '' });
}
