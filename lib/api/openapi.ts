import { MODEL_IDS } from '@/lib/attribution/models/types';
import { DIMENSIONS } from '@/lib/zod/analytics';

// The public API described as OpenAPI 3.1, served at /api/v1/openapi.json.

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const date = (description: string) => ({ name: description.split(' ')[0], in: 'query', schema: { type: 'string', format: 'date' }, description });
const params = {
  projectId: { name: 'projectId', in: 'path', required: true, schema: str },
  from: date('from YYYY-MM-DD in the project time zone, inclusive (default: 29 days before `to`)'),
  to: date('to YYYY-MM-DD in the project time zone, inclusive (default: today)'),
  model: { name: 'model', in: 'query', schema: { type: 'string', enum: MODEL_IDS, default: 'first_touch' } },
  mode: { name: 'mode', in: 'query', schema: { type: 'string', enum: ['live', 'test'], default: 'live' } },
};
const error = {
  description: 'Error',
  content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { message: str, fields: { type: 'object' } } } } } } },
};
const errors = { 400: { ...error, description: 'A parameter is invalid (named in the message)' }, 401: { ...error, description: 'Missing, unknown or revoked key' }, 404: { ...error, description: 'Not this key\'s project' } };
const ok = (schema: object) => ({ 200: { description: 'OK', content: { 'application/json': { schema } } }, ...errors });
const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties, required: Object.keys(properties) });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Zori API',
    version: '1',
    description:
      'Revenue attribution reads. Amounts are integers in minor units of `currency`, the project reporting currency. `revenue` is what was paid in the period; `refunded` is refunds and lost disputes made in the period (of payments from any period), credited to the touches of the payment they return; `net` = revenue − refunded. Unattributed revenue is reported as such, never as Direct.',
  },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A project API key (zori_…)' } } },
  security: [{ bearer: [] }],
  paths: {
    '/api/v1/projects/{projectId}/revenue/channels': {
      get: {
        summary: 'Revenue by GA4 default channel group',
        parameters: [params.projectId, params.from, params.to, params.model, params.mode],
        responses: ok(
          obj({
            currency: str,
            model: str,
            from: str,
            to: str,
            totals: obj({ revenue: int, refunded: int, net: int, payments: int, customers: int, unattributed: obj({ revenue: int, payments: int }) }),
            rows: { type: 'array', items: obj({ channel: str, revenue: int, refunded: int, net: int, payments: int, customers: int, visitors: int }) },
          }),
        ),
      },
    },
    '/api/v1/projects/{projectId}/revenue/breakdown': {
      get: {
        summary: 'Revenue by source, medium, campaign, referrer domain or landing page',
        parameters: [
          params.projectId,
          { name: 'dimension', in: 'query', required: true, schema: { type: 'string', enum: DIMENSIONS } },
          params.from,
          params.to,
          params.model,
          params.mode,
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        ],
        responses: ok(obj({ currency: str, rows: { type: 'array', items: obj({ value: str, revenue: int, net: int, payments: int, customers: int, visitors: int }) } })),
      },
    },
    '/api/v1/projects/{projectId}/revenue/timeseries': {
      get: {
        summary: 'Revenue over time, stacked by channel (buckets in the project time zone; weeks start on Monday)',
        parameters: [params.projectId, { name: 'interval', in: 'query', schema: { type: 'string', enum: ['day', 'week', 'month'], default: 'day' } }, params.from, params.to, params.model, params.mode],
        responses: ok(
          obj({
            currency: str,
            points: { type: 'array', items: obj({ date: str, revenue: int, net: int, byChannel: { type: 'object', additionalProperties: int } }) },
          }),
        ),
      },
    },
    '/api/v1/projects/{projectId}/payments': {
      get: {
        summary: 'Payments, newest first, with their attribution (first touch in the window)',
        parameters: [
          params.projectId,
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['attributed', 'unattributed', 'all'], default: 'all' } },
          params.from,
          params.to,
          params.mode,
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          { name: 'cursor', in: 'query', schema: str, description: 'nextCursor of the previous page' },
        ],
        responses: ok(
          obj({
            data: {
              type: 'array',
              items: obj({
                id: str,
                stripeId: str,
                amount: int,
                currency: str,
                reportingAmount: { type: ['integer', 'null'] },
                refunded: int,
                paidAt: { type: 'string', format: 'date-time' },
                customerId: nullableStr,
                attribution: obj({ status: str, visitorId: nullableStr, channel: nullableStr, source: nullableStr, medium: nullableStr, campaign: nullableStr }),
              }),
            },
            nextCursor: nullableStr,
          }),
        ),
      },
    },
  },
};
