import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NetworkExportQuery, NetworkQuery } from '../../../shared/network.ts';
import { networkExport } from '../../network/export.ts';

const tags = ['network'];

export async function networkRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = app.network;

  app.get(
    '/network',
    {
      schema: {
        tags,
        summary: 'The collaboration network with every metric, brokers and communities',
        description:
          'Nodes are organisations (on the platform, or named as case partners), people or countries; ties come from shared cases, shared coding and shared organisations. Only published cases count, plus the drafts the viewer may edit. Computed in a worker thread and cached per data version.',
        querystring: NetworkQuery,
      },
    },
    async (request) => service.view(request.viewer, request.query),
  );

  app.get(
    '/network/export',
    {
      schema: {
        tags,
        summary: 'The network as GraphML, GEXF, a CSV node table or a CSV list of ties',
        querystring: NetworkExportQuery,
        produces: ['application/graphml+xml', 'application/gexf+xml', 'text/csv'],
      },
    },
    async (request, reply) => {
      const view = await service.view(request.viewer, request.query);
      const file = networkExport(view, request.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
}
