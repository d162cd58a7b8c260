import { z } from 'zod';
import { quoteRequestSchema } from './quote-request-schema';
import { quoteResponseSchema, problemSchema } from './quote-response-schema';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

/** OpenAPI 3.1 document; the schemas are generated from the zod schemas, never written by hand. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const problemResponse = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Frontera',
      version: '1.0.0',
      description: 'Cross-border landed cost (shipping, duties, taxes, fees) and delivery dates for every carrier service. Amounts are decimal strings in the currency\'s minor units.',
    },
    paths: {
      '/quote': {
        post: {
          summary: 'Landed-cost quote for every carrier service',
          parameters: [{ name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' }, description: 'es or en when the body has no locale' }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/QuoteRequest' } } } },
          responses: {
            '200': { description: 'The quote', content: { 'application/json': { schema: { $ref: '#/components/schemas/QuoteResponse' } } } },
            '400': problemResponse('Malformed JSON'),
            '413': problemResponse('Body over the size limit'),
            '415': problemResponse('Not application/json'),
            '422': problemResponse('A field is invalid, or the destination, currency or carrier is not supported; `errors[].path` names the field'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness and loaded data', responses: { '200': { description: 'OK' } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
    components: {
      schemas: {
        QuoteRequest: jsonSchema(quoteRequestSchema, 'input'),
        QuoteResponse: jsonSchema(quoteResponseSchema, 'output'),
        Problem: jsonSchema(problemSchema, 'output'),
      },
    },
  };
}
