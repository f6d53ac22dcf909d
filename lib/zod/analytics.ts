import { z } from 'zod';
import { MODEL_IDS } from '@/lib/attribution/models/types';

// Inputs of the analytics queries, shared by the public API and the dashboard's URL parameters.

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

export const modelSchema = z.enum(MODEL_IDS).default('first_touch');
export const modeSchema = z.enum(['live', 'test']).default('live');
export const intervalSchema = z.enum(['day', 'week', 'month']).default('day');
export const DIMENSIONS = ['source', 'medium', 'campaign', 'referrer', 'landing_page'] as const;
export const dimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof dimensionSchema>;

/** Filters the dashboard applies by clicking a row: a channel and/or one value per dimension. */
export const filterSchema = z.object({
  channel: z.string().max(200).optional(),
  source: z.string().max(500).optional(),
  medium: z.string().max(500).optional(),
  campaign: z.string().max(500).optional(),
  referrer: z.string().max(500).optional(),
  landing_page: z.string().max(2000).optional(),
});
export type Filter = z.infer<typeof filterSchema>;

const MAX_RANGE_DAYS = 3700;

const rangeShape = { from: isoDate.optional(), to: isoDate.optional() };
function checkRange(v: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (v.from && v.to) {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    else if ((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 > MAX_RANGE_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `range must be at most ${MAX_RANGE_DAYS} days` });
  }
}

export const channelsQuerySchema = z.object({ ...rangeShape, model: modelSchema, mode: modeSchema }).strict().superRefine(checkRange);
export const breakdownQuerySchema = z
  .object({ ...rangeShape, model: modelSchema, mode: modeSchema, dimension: dimensionSchema, limit: z.coerce.number().int().min(1).max(1000).default(100) })
  .strict()
  .superRefine(checkRange);
export const timeseriesQuerySchema = z
  .object({ ...rangeShape, model: modelSchema, mode: modeSchema, interval: intervalSchema })
  .strict()
  .superRefine(checkRange);
export const paymentsQuerySchema = z
  .object({
    ...rangeShape,
    mode: modeSchema,
    status: z.enum(['attributed', 'unattributed', 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict()
  .superRefine(checkRange);

export const PERIOD_PRESETS = ['today', '7d', '30d', '90d', 'mtd', 'last_month', 'ytd', 'all', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The dashboard's URL: everything that defines a view, so it can be shared and bookmarked. */
export const dashboardParamsSchema = z.object({
  period: z.enum(PERIOD_PRESETS).catch('30d'),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  compare: z.enum(['previous', 'none']).catch('previous'),
  model: z.enum(MODEL_IDS).catch('first_touch'),
  mode: z.enum(['live', 'test']).catch('live'),
  interval: z.enum(['day', 'week', 'month']).catch('day'),
  ...Object.fromEntries(Object.keys(filterSchema.shape).map((k) => [k, z.string().max(2000).optional().catch(undefined)])),
});

/** Turns URLSearchParams into a plain object, keeping the first value of repeated keys. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}
