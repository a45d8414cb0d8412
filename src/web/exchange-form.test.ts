import { describe, expect, it } from 'vitest';
import {
  ExchangeItemCreate,
  ExchangeItemUpdate,
  PledgeCreate,
  type ExchangeItem,
} from '../shared/exchange.ts';
import {
  EXCHANGE_FORM_FIELDS,
  PROBLEMS,
  createBody,
  exchangeFormValues,
  fieldShown,
  formProblems,
  isIsoDate,
  parseQuantity,
  pledgeBody,
  pledgeFieldOf,
  pledgeFormValues,
  pledgeProblems,
  serverProblems,
  updateBody,
  type ExchangeFormValues,
} from './exchange-form.ts';
import en from './locales/en.json';
import nl from './locales/nl.json';

const base = (patch: Partial<ExchangeFormValues>): ExchangeFormValues => ({
  ...exchangeFormValues(),
  side: 'offer',
  kind: 'knowledge',
  title: 'Evaluation know-how',
  ...patch,
});

const item: ExchangeItem = {
  id: '00000000-0000-4000-8000-000000000001',
  side: 'request',
  kind: 'expertise',
  status: 'open',
  title: 'A bookkeeper',
  description: 'Four hours a week',
  sectors: ['04'],
  country: 'NL',
  region: 'Rotterdam',
  remote: false,
  availableFrom: '2027-01-01',
  availableUntil: null,
  hoursPerWeek: 4,
  durationWeeks: 26,
  amount: null,
  currency: null,
  capacity: null,
  address: null,
  accessibility: null,
  format: null,
  visibility: 'public',
  organisation: null,
  person: 'Fatima',
  space: null,
  initiative: { id: '00000000-0000-4000-8000-000000000002', title: 'Hillesluis' },
  createdAt: '2026-01-01T00:00:00.000Z',
  mine: true,
};

describe('numbers and dates typed by a person', () => {
  it('reads decimal points and commas and spaces between thousands', () => {
    expect(parseQuantity('12,5')).toBe(12.5);
    expect(parseQuantity('12.5')).toBe(12.5);
    expect(parseQuantity(' 10 000 ')).toBe(10000);
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity('-3')).toBe('invalid');
    expect(parseQuantity('1e3')).toBe('invalid');
    expect(parseQuantity('ten')).toBe('invalid');
  });

  it('knows a calendar date', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('28-02-2027')).toBe(false);
  });
});

describe('the offer and request form', () => {
  it('shows the kind-specific fields only for their kinds', () => {
    expect(fieldShown('hoursPerWeek', 'expertise')).toBe(true);
    expect(fieldShown('hoursPerWeek', 'people')).toBe(true);
    expect(fieldShown('hoursPerWeek', 'money')).toBe(false);
    expect(fieldShown('amount', 'money')).toBe(true);
    expect(fieldShown('currency', 'money')).toBe(true);
    expect(fieldShown('capacity', 'space')).toBe(true);
    expect(fieldShown('format', 'information')).toBe(true);
    expect(fieldShown('format', 'contacts')).toBe(false);
    expect(fieldShown('amount', '')).toBe(false);
    expect(fieldShown('title', '')).toBe(true);
  });

  it('asks for the side, the kind and a title of 5 characters on a new item', () => {
    expect(formProblems(exchangeFormValues())).toEqual({
      side: 'chooseSide',
      kind: 'chooseKind',
      title: 'titleLength',
    });
    expect(formProblems(base({ title: '  Room ' }))).toEqual({ title: 'titleLength' });
    expect(formProblems(base({}))).toEqual({});
  });

  it('needs an amount and a currency for money, as the server does', () => {
    expect(formProblems(base({ kind: 'money' }))).toEqual({ amount: 'amountNeeded' });
    expect(formProblems(base({ kind: 'money', amount: '500', currency: '' }))).toEqual({
      currency: 'currencyNeeded',
    });
    expect(formProblems(base({ kind: 'money', amount: '500', currency: 'EURO' }))).toEqual({
      currency: 'currencyCode',
    });
    expect(formProblems(base({ kind: 'money', amount: '0', currency: 'EUR' }))).toEqual({
      amount: 'positive',
    });
    expect(formProblems(base({ kind: 'money', amount: '8000', currency: 'eur' }))).toEqual({});
  });

  it('wants positive numbers, whole where the server does, within its limits', () => {
    expect(
      formProblems(base({ kind: 'expertise', hoursPerWeek: 'four', durationWeeks: '2.5' })),
    ).toEqual({ hoursPerWeek: 'number', durationWeeks: 'wholeNumber' });
    expect(formProblems(base({ kind: 'people', hoursPerWeek: '169' }))).toEqual({
      hoursPerWeek: 'tooLarge',
    });
    expect(formProblems(base({ kind: 'space', capacity: '0' }))).toEqual({ capacity: 'positive' });
    // A number for another kind is not looked at (and not sent).
    expect(formProblems(base({ kind: 'knowledge', capacity: 'many' }))).toEqual({});
  });

  it('refuses a window that ends before it starts', () => {
    expect(
      formProblems(base({ availableFrom: '2027-03-01', availableUntil: '2027-02-01' })),
    ).toEqual({ availableUntil: 'windowOrder' });
    expect(
      formProblems(base({ availableFrom: '2027-03-01', availableUntil: '2027-03-01' })),
    ).toEqual({});
  });

  it('needs the organisation or space that may see it', () => {
    expect(formProblems(base({ visibility: 'organisation' }))).toEqual({
      organisationId: 'organisationForVisibility',
    });
    expect(formProblems(base({ visibility: 'space' }))).toEqual({ spaceId: 'chooseSpace' });
    // Visibility cannot be changed afterwards, so a change is not checked for it.
    expect(formProblems(base({ visibility: 'space' }), false)).toEqual({});
  });

  it('makes a body the shared schema accepts, with only the fields of its kind', () => {
    const values = base({
      side: 'request',
      kind: 'space',
      title: 'A workshop for neighbours',
      capacity: '20',
      amount: '100',
      hoursPerWeek: '3',
      sectors: ['06', '10'],
      country: 'NL',
      initiativeId: item.initiative!.id,
    });
    const body = createBody(values);
    expect(body).toMatchObject({ capacity: 20, address: null, initiativeId: item.initiative!.id });
    expect(body).not.toHaveProperty('amount');
    expect(body).not.toHaveProperty('hoursPerWeek');
    expect(ExchangeItemCreate.safeParse(body).success).toBe(true);
    // An offer belongs to no initiative; a space only with space visibility.
    expect(createBody({ ...values, side: 'offer', spaceId: 'x' })).toMatchObject({
      initiativeId: null,
      spaceId: null,
    });
  });

  it('fills the form from an item and makes a change the shared schema accepts', () => {
    const values = exchangeFormValues(item);
    expect(values).toMatchObject({ hoursPerWeek: '4', durationWeeks: '26', currency: '' });
    const body = updateBody({ ...values, hoursPerWeek: '6' }, item.kind);
    expect(body).toMatchObject({ hoursPerWeek: 6, durationWeeks: 26, availableUntil: null });
    expect(body).not.toHaveProperty('initiativeId');
    expect(ExchangeItemUpdate.safeParse(body).success).toBe(true);
  });

  it('prefills a request for an initiative from the address', () => {
    expect(exchangeFormValues(undefined, { side: 'request', initiativeId: 'abc' })).toMatchObject({
      side: 'request',
      initiativeId: 'abc',
      currency: 'EUR',
    });
  });

  it("puts the server's 400 details on their fields, in the words of the rule", () => {
    expect(
      serverProblems(
        [
          { path: 'availableUntil', message: 'the window ends before it starts' },
          { path: 'initiativeId', message: 'is not an initiative you are a stakeholder of' },
          { path: 'amount', message: 'a money item needs an amount' },
          { path: 'amount', message: 'only for money' },
          { path: 'hoursPerWeek', message: 'only for expertise and people' },
          { path: 'title', message: 'Too small' },
        ],
        EXCHANGE_FORM_FIELDS,
      ),
    ).toEqual({
      fields: {
        availableUntil: 'windowOrder',
        initiativeId: 'notYourInitiative',
        amount: 'amountNeeded',
        hoursPerWeek: 'notForKind',
        title: 'invalid',
      },
      other: false,
    });
    expect(serverProblems([{ path: 'partyKey', message: 'x' }], EXCHANGE_FORM_FIELDS)).toEqual({
      fields: {},
      other: true,
    });
  });

  it('has a sentence for every problem in both languages', () => {
    for (const catalogue of [en, nl]) {
      const problems = catalogue.exchange.problems as Record<string, string>;
      expect(PROBLEMS.filter((p) => !problems[p])).toEqual([]);
    }
  });
});

describe('the pledge form', () => {
  const ids = { offerId: item.id, requestId: '00000000-0000-4000-8000-000000000003' };

  it('asks for the quantity the kind is measured in', () => {
    expect(pledgeProblems('expertise', pledgeFormValues())).toEqual({ quantity: 'hoursNeeded' });
    expect(pledgeProblems('space', { ...pledgeFormValues(), quantity: '1.5' })).toEqual({
      quantity: 'wholeNumber',
    });
    expect(
      pledgeProblems('money', { ...pledgeFormValues(), quantity: '250', currency: '' }),
    ).toEqual({ currency: 'currencyNeeded' });
    expect(pledgeProblems('contacts', pledgeFormValues())).toEqual({});
  });

  it('makes a body the shared schema accepts', () => {
    const hours = pledgeBody('people', { ...pledgeFormValues(), quantity: '20' }, ids);
    expect(hours).toMatchObject({ hours: 20, amount: null, days: null, currency: null });
    expect(PledgeCreate.safeParse(hours).success).toBe(true);
    const money = pledgeBody('money', { ...pledgeFormValues('gbp'), quantity: '1 500' }, ids);
    expect(money).toMatchObject({ amount: 1500, currency: 'GBP', hours: null });
    expect(PledgeCreate.safeParse(money).success).toBe(true);
    const direct = pledgeBody(
      'knowledge',
      { ...pledgeFormValues(), note: ' A workshop ', organisationId: ids.requestId },
      { offerId: item.id },
    );
    expect(direct).toEqual({
      offerId: item.id,
      requestId: null,
      hours: null,
      amount: null,
      currency: null,
      days: null,
      note: 'A workshop',
      organisationId: ids.requestId,
    });
  });

  it("puts the server's quantity problems on the quantity field", () => {
    expect(['hours', 'amount', 'days', 'currency', 'note', 'offerId'].map(pledgeFieldOf)).toEqual([
      'quantity',
      'quantity',
      'quantity',
      'currency',
      'note',
      null,
    ]);
  });
});
