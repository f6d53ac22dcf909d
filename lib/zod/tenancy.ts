import { z } from 'zod';
import { isStripeCurrency } from '@/lib/money/currencies';

export const organizationNameSchema = z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters');
export const projectNameSchema = z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters');
export const roleSchema = z.enum(['owner', 'admin', 'member', 'viewer'], { message: 'Role must be owner, admin, member or viewer' });
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address'));

/** ISO 4217 code of a currency Stripe supports (lib/money's one list), stored lower-case as Stripe does. */
export const currencySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{3}$/, 'Use a three-letter currency code such as usd or eur')
  .refine(isStripeCurrency, 'Not a currency Stripe supports (see docs.stripe.com/currencies)');

export const timeZoneSchema = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone (use an IANA name such as Europe/Paris)');

/** A host name the site runs on: example.com, www.example.com, localhost:3000. No scheme or path. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/, 'Enter a host name such as example.com'));

export const createProjectSchema = z.object({
  name: projectNameSchema,
  domains: z.array(domainSchema).max(50).default([]),
  reportingCurrency: currencySchema.default('usd'),
  timeZone: timeZoneSchema.default('UTC'),
});
export type CreateProjectInput = z.input<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  name: projectNameSchema.optional(),
  domains: z.array(domainSchema).max(50).optional(),
  reportingCurrency: currencySchema.optional(),
  timeZone: timeZoneSchema.optional(),
  attributionWindowDays: z.coerce.number().int().min(1, 'At least 1 day').max(730, 'At most 730 days').optional(),
  respectDoNotTrack: z.boolean().optional(),
});
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;
