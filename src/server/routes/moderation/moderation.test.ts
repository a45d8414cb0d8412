import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  succeed,
  makeApp,
  makeOrganisation,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import type { ModerationItem } from '../../../shared/moderation.ts';
import type { Need, NeedList } from '../../../shared/needs.ts';
import type { Initiative } from '../../../shared/initiatives.ts';
import type { NotificationList } from '../../../shared/notifications.ts';

let t: TestApp;
let author: Agent;
let reader: Agent;
let moderator: Agent;
let councilAdmin: Agent;
let council: { id: string };

beforeAll(async () => {
  t = await makeApp();
  author = await signUp(t.app, { name: 'Aart Author' });
  reader = await signUp(t.app, { name: 'Rita Reader' });
  moderator = await signUp(t.app, { name: 'Mona Moderator' });
  councilAdmin = await signUp(t.app, { name: 'Cor Council' });
  await setPlatformRole(t.database, moderator.id, 'moderator');
  council = await makeOrganisation(t.app, councilAdmin, { name: 'Gemeente Moderatie' });
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);
const ok = <T>(...args: Parameters<typeof call>) => succeed<T>(t.app, ...args);

const queue = async () =>
  (await ok<{ items: ModerationItem[] }>(moderator, 'GET', '/api/moderation/queue')).items;

describe('moderation', () => {
  it('takes reports once per person and shows them to moderators only', async () => {
    const need = await ok<Need>(author, 'POST', '/api/needs', {
      title: 'Buy my miracle pills',
      country: 'NL',
    });
    const report = { targetType: 'need', targetId: need.id, reason: 'Advertising' };
    await ok(reader, 'POST', '/api/reports', report);
    expect((await call(reader, 'POST', '/api/reports', report)).statusCode).toBe(409);
    expect((await call(null, 'POST', '/api/reports', report)).statusCode).toBe(401);
    expect(
      (await call(reader, 'POST', '/api/reports', { ...report, targetType: 'case' })).statusCode,
    ).toBe(400);
    expect(
      (
        await call(reader, 'POST', '/api/reports', {
          ...report,
          targetId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(reader, 'GET', '/api/moderation/queue')).statusCode).toBe(403);
    const item = (await queue()).find((i) => i.targetId === need.id)!;
    expect(item).toMatchObject({
      targetType: 'need',
      excerpt: 'Buy my miracle pills',
      link: `/needs/${need.id}`,
      hidden: false,
    });
    expect(item.reports.map((r) => r.reason)).toEqual(['Advertising']);
  });

  it('hides content from everyone but moderators and its author, who is told why', async () => {
    const need = await ok<Need>(author, 'POST', '/api/needs', {
      title: 'Zanzibar quokka sanctuary',
      country: 'NL',
    });
    await ok(reader, 'POST', `/api/needs/${need.id}/support`);
    await ok(reader, 'POST', '/api/reports', {
      targetType: 'need',
      targetId: need.id,
      reason: 'A joke',
    });
    expect(
      (
        await call(reader, 'POST', '/api/moderation/hide', {
          targetType: 'need',
          targetId: need.id,
          justification: 'Nope',
        })
      ).statusCode,
    ).toBe(403);
    await ok(moderator, 'POST', '/api/moderation/hide', {
      targetType: 'need',
      targetId: need.id,
      justification: 'Not a need of residents',
    });
    for (const who of [null, reader]) {
      const list = await ok<NeedList>(who, 'GET', '/api/needs?q=quokka');
      expect(list).toEqual({ items: [], total: 0 });
      expect(JSON.stringify(await ok(who, 'GET', '/api/needs?sort=newest'))).not.toContain(
        'quokka',
      );
      expect(
        JSON.stringify(await ok(who, 'GET', '/api/needs/similar?title=Zanzibar%20quokka')),
      ).not.toContain('quokka');
      expect((await call(who, 'GET', `/api/needs/${need.id}`)).statusCode).toBe(404);
    }
    const own = await ok<Need>(author, 'GET', `/api/needs/${need.id}`);
    expect(own).toMatchObject({ hidden: true, hiddenReason: 'Not a need of residents' });
    expect((await ok<NeedList>(author, 'GET', '/api/needs?q=quokka')).total).toBe(1);
    expect((await ok<NeedList>(moderator, 'GET', '/api/needs?q=quokka')).total).toBe(1);
    const inbox = await ok<NotificationList>(author, 'GET', '/api/me/notifications');
    expect(inbox.items[0]!.text).toBe(
      'A moderator hid “Zanzibar quokka sanctuary”: Not a need of residents',
    );
    expect((await queue()).some((i) => i.targetId === need.id)).toBe(false);
    await ok(moderator, 'POST', '/api/moderation/restore', {
      targetType: 'need',
      targetId: need.id,
      justification: 'It was a real need after all',
    });
    expect((await ok<NeedList>(reader, 'GET', '/api/needs?q=quokka')).total).toBe(1);
  });

  it('hides comments, initiatives and their updates the same way', async () => {
    const need = await ok<Need>(reader, 'POST', '/api/needs', {
      title: 'A bench by the pond',
      country: 'NL',
    });
    const comment = await ok<{ id: string }>(author, 'POST', `/api/needs/${need.id}/comments`, {
      body: 'Rude words here',
    });
    await ok(moderator, 'POST', '/api/moderation/hide', {
      targetType: 'need_comment',
      targetId: comment.id,
      justification: 'Rude',
    });
    expect((await ok<Need>(reader, 'GET', `/api/needs/${need.id}`)).comments).toEqual([]);
    expect((await ok<Need>(author, 'GET', `/api/needs/${need.id}`)).comments).toEqual([
      expect.objectContaining({ body: 'Rude words here', hidden: true }),
    ]);
    const initiative = await ok<Initiative>(author, 'POST', '/api/initiatives', {
      title: 'Pyramid scheme for the park',
      country: 'NL',
    });
    const withUpdate = await ok<Initiative>(
      author,
      'POST',
      `/api/initiatives/${initiative.id}/updates`,
      { body: 'Send money now' },
    );
    await ok(moderator, 'POST', '/api/moderation/hide', {
      targetType: 'initiative_update',
      targetId: withUpdate.updates[0]!.id,
      justification: 'Scam',
    });
    await ok(moderator, 'POST', '/api/moderation/hide', {
      targetType: 'initiative',
      targetId: initiative.id,
      justification: 'Scam',
    });
    expect((await call(reader, 'GET', `/api/initiatives/${initiative.id}`)).statusCode).toBe(404);
    expect(JSON.stringify(await ok(reader, 'GET', '/api/initiatives?q=pyramid'))).not.toContain(
      'Pyramid',
    );
    const own = await ok<Initiative>(author, 'GET', `/api/initiatives/${initiative.id}`);
    expect(own).toMatchObject({ hidden: true, hiddenReason: 'Scam' });
    expect(own.updates).toEqual([expect.objectContaining({ hidden: true })]);
  });

  it('holds needs for an organisation that asks for pre-moderation until a moderator approves', async () => {
    expect(
      (
        await call(reader, 'PUT', `/api/organisations/${council.id}/premoderation`, {
          required: true,
        })
      ).statusCode,
    ).toBe(403);
    await ok(councilAdmin, 'PUT', `/api/organisations/${council.id}/premoderation`, {
      required: true,
    });
    const need = await ok<Need>(author, 'POST', '/api/needs', {
      title: 'Recycling bins for the flats',
      country: 'NL',
      responsibleOrganisationId: council.id,
    });
    expect(need).toMatchObject({ awaitingApproval: true, hidden: true });
    expect((await call(reader, 'GET', `/api/needs/${need.id}`)).statusCode).toBe(404);
    expect((await ok<NeedList>(reader, 'GET', '/api/needs?q=recycling')).total).toBe(0);
    const waiting = (await queue()).find((i) => i.targetId === need.id)!;
    expect(waiting).toMatchObject({ awaitingApproval: true, reports: [] });
    await ok(moderator, 'POST', '/api/moderation/restore', {
      targetType: 'need',
      targetId: need.id,
      justification: 'Approved',
    });
    expect(await ok<Need>(reader, 'GET', `/api/needs/${need.id}`)).toMatchObject({
      awaitingApproval: false,
      hidden: false,
    });
    await ok(councilAdmin, 'PUT', `/api/organisations/${council.id}/premoderation`, {
      required: false,
    });
    const free = await ok<Need>(author, 'POST', '/api/needs', {
      title: 'More recycling bins',
      country: 'NL',
      responsibleOrganisationId: council.id,
    });
    expect(free.awaitingApproval).toBe(false);
  });
});
