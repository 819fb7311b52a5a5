import { z } from 'zod';
import { API_ROUTES, apiErrorSchema, type ApiRoute } from '../../src-core/sync';

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) without its `$schema` marker, which OpenAPI does not want inline. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

function operation(name: string, route: ApiRoute) {
  const secured = route.roles.length > 0;
  return {
    operationId: name,
    summary: route.summary,
    ...(secured ? { security: [{ bearer: [] }], 'x-roles': route.roles } : { security: [] }),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses: {
      200: { description: 'Succès', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
      ...(route.body ? { 400: errorResponse('Requête invalide'), 413: errorResponse('Requête trop volumineuse') } : {}),
      ...(secured ? { 401: errorResponse('Jeton manquant ou invalide'), 403: errorResponse('Rôle insuffisant') } : {}),
      429: errorResponse('Trop de requêtes'),
    },
  };
}

/** The API description, generated from the wire schemas of src-core so it cannot drift from what is validated. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(API_ROUTES) as [string, ApiRoute][]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(name, route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Contrats — API centrale', version: '1.0.0', description: 'Synchronisation des postes des chargés de clientèle DOKOS SAS.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ApiError: jsonSchema(apiErrorSchema, 'output') },
    },
  };
}
