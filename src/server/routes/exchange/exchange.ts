import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CapacityProfile,
  ExchangeItem,
  ExchangeItemCreate,
  ExchangeItemUpdate,
  ExchangeList,
  ExchangeQuery,
  InitiativeLedger,
  ItemStatusChange,
  MatchList,
  MatchQuery,
  Pledge,
  PledgeCreate,
  PledgeList,
  PledgeStatusChange,
} from '../../../shared/exchange.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  changeItemStatus,
  createItem,
  getItem,
  listItems,
  matchesOf,
  updateItem,
} from '../../commands/exchange.ts';
import {
  capacityProfile,
  changePledge,
  createPledge,
  getPledge,
  initiativeLedger,
  myPledges,
  pledgesOfItem,
} from '../../commands/pledges.ts';

const tags = ['exchange'];
const IdParams = z.strictObject({ id: z.uuid() });

export async function exchangeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const matcher = app.exchangeMatcher;

  app.get(
    '/exchange/items',
    {
      schema: {
        tags,
        summary: 'Open offers and requests the viewer may see, with search and filters',
        querystring: ExchangeQuery,
        response: { 200: ExchangeList },
      },
    },
    async (request) => listItems(db, matcher, request.viewer, request.query),
  );

  app.post(
    '/exchange/items',
    {
      schema: {
        tags,
        summary: 'Offer or request a resource (for myself or an organisation I belong to)',
        body: ExchangeItemCreate,
        response: { 201: ExchangeItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createItem(db, matcher, requireViewer(request), request.body)),
  );

  app.get(
    '/exchange/items/:id',
    {
      schema: {
        tags,
        summary: 'An offer or request',
        params: IdParams,
        response: { 200: ExchangeItem },
      },
    },
    async (request) => getItem(db, request.viewer, request.params.id),
  );

  app.patch(
    '/exchange/items/:id',
    {
      schema: {
        tags,
        summary: 'Change an offer or request (the people behind it)',
        params: IdParams,
        body: ExchangeItemUpdate,
        response: { 200: ExchangeItem },
      },
    },
    async (request) =>
      updateItem(db, matcher, requireViewer(request), request.params.id, request.body),
  );

  app.post(
    '/exchange/items/:id/status',
    {
      schema: {
        tags,
        summary: 'Close, withdraw or reopen an offer or request',
        params: IdParams,
        body: ItemStatusChange,
        response: { 200: ExchangeItem },
      },
    },
    async (request) =>
      changeItemStatus(db, requireViewer(request), request.params.id, request.body.status),
  );

  app.get(
    '/exchange/items/:id/matches',
    {
      schema: {
        tags,
        summary: 'The best matches on the other side, ranked, each with its explanation',
        params: IdParams,
        querystring: MatchQuery,
        response: { 200: MatchList },
      },
    },
    async (request) =>
      matchesOf(db, matcher, request.viewer, request.params.id, request.query.limit),
  );

  app.get(
    '/exchange/items/:id/pledges',
    {
      schema: {
        tags,
        summary: 'Pledges on an offer or request',
        params: IdParams,
        response: { 200: PledgeList },
      },
    },
    async (request) => pledgesOfItem(db, request.viewer, request.params.id),
  );

  app.post(
    '/exchange/pledges',
    {
      schema: {
        tags,
        summary: 'Propose a pledge: give for a request, ask for an offer, or pair the two',
        body: PledgeCreate,
        response: { 201: Pledge },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPledge(db, requireViewer(request), request.body)),
  );

  app.get(
    '/exchange/pledges/:id',
    {
      schema: {
        tags,
        summary: 'A pledge and its history',
        params: IdParams,
        response: { 200: Pledge },
      },
    },
    async (request) => getPledge(db, request.viewer, request.params.id),
  );

  app.post(
    '/exchange/pledges/:id/status',
    {
      schema: {
        tags,
        summary: 'Accept, decline, cancel, deliver or confirm a pledge (the right party only)',
        params: IdParams,
        body: PledgeStatusChange,
        response: { 200: Pledge },
      },
    },
    async (request) => changePledge(db, requireViewer(request), request.params.id, request.body),
  );

  app.get(
    '/me/pledges',
    { schema: { tags, summary: 'The pledges I am a party of', response: { 200: PledgeList } } },
    async (request) => myPledges(db, requireViewer(request)),
  );

  app.get(
    '/initiatives/:id/ledger',
    {
      schema: {
        tags,
        summary: 'What an initiative received, from whom (confirmed pledges)',
        params: IdParams,
        response: { 200: InitiativeLedger },
      },
    },
    async (request) => initiativeLedger(db, request.viewer, request.params.id),
  );

  app.get(
    '/organisations/:id/capacity',
    {
      schema: {
        tags,
        summary: "An organisation's connective capacity: given and received, partners, bridges",
        params: IdParams,
        response: { 200: CapacityProfile },
      },
    },
    async (request) => capacityProfile(db, request.viewer, request.params.id),
  );
}
