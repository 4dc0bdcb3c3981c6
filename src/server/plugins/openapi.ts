import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the zod route schemas, at /api/v1/openapi.json with docs at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pipewright API',
        version: '1',
        description:
          'Sales-pipeline CRM. Authenticate with a session cookie (POST /api/v1/auth/login) or ' +
          '`Authorization: Bearer <token>` (create one with POST /api/v1/tokens or `pipewright token create`). ' +
          'Money is integer minor units plus an ISO 4217 currency. Errors are ' +
          '`{"error": {"code", "message", "field"?}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'pw_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/api/v1/openapi.json', { config: { auth: false }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
