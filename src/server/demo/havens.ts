/**
 * Illustrative safe-haven content for the demo: a private space with a randomised trial that did
 * not work (published, anonymised), a transparent space with a pilot stopped early (published
 * with names), and a running experiment nobody outside its space can see. The outcome data are
 * generated with a fixed seed; nothing here describes a real trial.
 */
import { createRng } from '../../core/network/prng.ts';
import { ExperimentCreate } from '../../shared/havens.ts';
import type { ActiveSession, SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import {
  addDecision,
  allocateExperiment,
  completeExperiment,
  createExperiment,
  startExperiment,
  stopExperiment,
  updateExperiment,
  uploadOutcomes,
} from '../commands/experiments.ts';
import { publishExperiment } from '../commands/lessons.ts';
import { addSpaceMember, createSpace } from '../commands/spaces.ts';

type Person = SessionUser;
const session = (user: SessionUser): ActiveSession => ({ tokenHash: '', csrfToken: '', user });

/** 0/1 outcomes with the given chance of a 1 per arm, drawn with a fixed seed. */
function binaryOutcomes(units: string[], arms: string[], rates: number[], seed: number) {
  const rng = createRng(seed);
  const lines = ['unit,arm,value'];
  units.forEach((u, i) => {
    const arm = i % arms.length;
    lines.push(`${u},${arms[arm]},${rng() < rates[arm]! ? 1 : 0}`);
  });
  return lines.join('\n');
}

/** Numeric outcomes around the given mean per arm (uniform noise of ± spread). */
function numericOutcomes(
  units: string[],
  arms: string[],
  means: number[],
  spread: number,
  seed: number,
) {
  const rng = createRng(seed);
  const lines = ['unit,arm,value'];
  units.forEach((u, i) => {
    const arm = i % arms.length;
    lines.push(`${u},${arms[arm]},${(means[arm]! + (rng() * 2 - 1) * spread).toFixed(1)}`);
  });
  return lines.join('\n');
}

export async function seedDemoHavens(
  db: Db,
  people: { anna: Person; jonas: Person; marie: Person },
  organisationIds: ReadonlyMap<string, string>,
) {
  const anna = session(people.anna);
  const jonas = session(people.jonas);

  // A private space of Gemeente Rotterdam: a trial that did not work, published anonymised.
  const trials = await createSpace(db, anna, {
    name: 'Benefit take-up trials',
    description:
      'Where the income team of Gemeente Rotterdam tries ways to reach households that miss out on allowances. Private until a lesson is published.',
    visibility: 'private',
    organisationId: organisationIds.get('Gemeente Rotterdam') ?? null,
    initiativeId: null,
  });
  if (people.jonas.email)
    await addSpaceMember(db, anna, trials.id, { email: people.jonas.email, role: 'member' });
  if (people.marie.email)
    await addSpaceMember(db, anna, trials.id, { email: people.marie.email, role: 'observer' });
  const letters = await createExperiment(
    db,
    anna,
    trials.id,
    ExperimentCreate.parse({
      title: 'Plain-language letters for the energy allowance',
      question: 'Do households apply more often when the municipality writes to them first?',
      hypothesis:
        'A plain-language letter sent unasked raises the share of eligible households that apply within 60 days by at least five percentage points.',
      intervention: 'A one-page letter with a pre-filled reply card, sent in week 1.',
      design: 'randomised_trial',
      population: 'Households in Rotterdam-Zuid eligible for the energy allowance (illustrative)',
      plannedSampleSize: 400,
      primaryMetric: 'Share of households that applied within 60 days',
      successCriterion: 'A difference of at least 5 points, 95 % interval above zero',
      startsOn: '2025-02-03',
      endsOn: '2025-05-30',
      budget: 8500,
      risks: 'Households may feel watched; letters may reach people who are not eligible.',
      ethics: 'The control group receives the letter once the trial ends.',
      dataProtection: 'Only pseudonymous household numbers leave the benefits system.',
      sector: '10',
      country: 'NL',
    }),
  );
  const households = Array.from({ length: 400 }, (_, i) => `HH-${String(i + 1).padStart(4, '0')}`);
  await allocateExperiment(db, anna, letters.id, {
    method: 'stratified',
    seed: 20250203,
    blockSize: 4,
    units: households.map((id, i) => ({
      id,
      strata: { district: i % 2 ? 'Feijenoord' : 'Charlois' },
    })),
  });
  await startExperiment(db, anna, letters.id);
  await addDecision(db, anna, letters.id, 'Send the reply card with a prepaid envelope.');
  await updateExperiment(db, anna, letters.id, {
    endsOn: '2025-06-27',
    amendmentReason: 'Post was delayed by four weeks; the 60-day window needs the extra time.',
  });
  await uploadOutcomes(
    db,
    anna,
    letters.id,
    binaryOutcomes(households, ['control', 'treatment'], [0.31, 0.33], 7),
  );
  await updateExperiment(db, anna, letters.id, {
    lessonsWorked:
      'Households that replied found the pre-filled card easy; few calls to the helpdesk.',
    lessonsFailed:
      'Take-up hardly moved: most households that did not apply said they had not opened post from the municipality.',
    lessonsDifferently:
      'Reach people through the neighbourhood teams they already trust, not by letter.',
  });
  await completeExperiment(db, anna, letters.id, 'not_supported');
  await publishExperiment(db, anna, letters.id, true);

  // Planned and private: nobody outside the space sees it.
  await createExperiment(
    db,
    jonas,
    trials.id,
    ExperimentCreate.parse({
      title: 'Home visits by neighbourhood teams',
      question: 'Does a visit by a trusted team raise take-up where letters did not?',
      hypothesis: 'Visits raise take-up by ten points.',
      design: 'pilot',
      successCriterion: 'Ten points more than the letters',
      sector: '10',
      country: 'NL',
    }),
  );

  // A transparent space of Stadt Leipzig: a pilot stopped early, published with names.
  const digital = await createSpace(db, jonas, {
    name: 'Digital service pilots',
    description: 'Stadt Leipzig tries digital services in the open: everyone can follow along.',
    visibility: 'transparent',
    organisationId: organisationIds.get('Stadt Leipzig') ?? null,
    initiativeId: null,
  });
  const chatbot = await createExperiment(
    db,
    jonas,
    digital.id,
    ExperimentCreate.parse({
      title: 'Chatbot hand-over to staff for residence permits',
      question: 'Does a chatbot that hands over to staff shorten calls about residence permits?',
      hypothesis: 'Calls after a chatbot conversation are at least two minutes shorter.',
      intervention: 'A chatbot on the permits page that passes the conversation to staff.',
      design: 'ab_test',
      population: 'Callers about residence permits (illustrative)',
      plannedSampleSize: 120,
      primaryMetric: 'Call length in minutes',
      successCriterion: 'Two minutes shorter on average, 95 % interval below zero',
      arms: ['phone only', 'chatbot first'],
      outcomeKind: 'numeric',
      sector: '03',
      country: 'DE',
    }),
  );
  await startExperiment(db, jonas, chatbot.id);
  const callers = Array.from({ length: 60 }, (_, i) => `call-${i + 1}`);
  await uploadOutcomes(
    db,
    jonas,
    chatbot.id,
    numericOutcomes(callers, ['phone only', 'chatbot first'], [11.5, 10.8], 4, 11),
  );
  await updateExperiment(db, jonas, chatbot.id, {
    lessonsFailed: 'The hand-over lost the conversation history, so staff asked everything again.',
    lessonsDifferently: 'Test the hand-over with staff before residents see it.',
  });
  await stopExperiment(
    db,
    jonas,
    chatbot.id,
    'The supplier could not pass the conversation history to staff; we stopped after 60 calls.',
  );
  await publishExperiment(db, jonas, chatbot.id, false);
}
