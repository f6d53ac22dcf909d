import { z } from 'zod';

// The beacon the tracker POSTs to /ingest (tracker/src/send.ts writes it). Short, but readable keys;
// every string is bounded so one request cannot store more than a few kilobytes.

/** Visitor and session ids are random base64url strings made by the tracker (crypto.getRandomValues). */
export const trackerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 characters of A–Z, a–z, 0–9, _ or -');

const shortText = (max: number) => z.string().max(max, `at most ${max} characters`);
const timestamp = z.number().int('must be an integer (ms since 1970)').nonnegative().max(8.64e15);

export const CLICK_ID_TYPES = ['gclid', 'gbraid', 'wbraid', 'msclkid', 'fbclid', 'ttclid', 'li_fat_id', 'twclid', 'rdt_cid'] as const;

/** What the tracker saw when the session started: sent with the session's first pageview. */
export const sessionStartSchema = z.object({
  referrer: shortText(2048).nullish(),
  utm_source: shortText(256).nullish(),
  utm_medium: shortText(256).nullish(),
  utm_campaign: shortText(256).nullish(),
  utm_term: shortText(256).nullish(),
  utm_content: shortText(256).nullish(),
  ref: shortText(256).nullish(),
  click: z.object({ type: z.enum(CLICK_ID_TYPES), id: shortText(512) }).nullish(),
});
export type SessionStart = z.infer<typeof sessionStartSchema>;

const path = z.string().min(1).max(2048, 'at most 2048 characters').startsWith('/', 'must start with /');

export const pageviewEventSchema = z.object({
  type: z.literal('pageview'),
  ts: timestamp,
  path,
  session: sessionStartSchema.nullish(),
});

/** A session start without a pageview: consent given on a page already counted without an id. */
export const sessionEventSchema = z.object({
  type: z.literal('session'),
  ts: timestamp,
  path,
  session: sessionStartSchema,
});

const propValue = z.union([shortText(512), z.number(), z.boolean(), z.null()]);
export const customEventSchema = z.object({
  type: z.literal('event'),
  ts: timestamp,
  name: z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters'),
  path: path.nullish(),
  props: z
    .record(z.string().max(100), propValue)
    .refine((p) => Object.keys(p).length <= 30, 'at most 30 properties')
    .nullish(),
});

export const identifyEventSchema = z
  .object({
    type: z.literal('identify'),
    ts: timestamp,
    app_id: z.union([shortText(256), z.number()]).nullish(),
    email: shortText(320).nullish(),
  })
  .refine((e) => (e.app_id != null && String(e.app_id).trim() !== '') || (e.email != null && e.email.trim() !== ''), 'identify needs app_id or email');

export const beaconSchema = z.object({
  key: z.string().min(1, 'publishable key is required').max(100),
  /** Null in cookieless mode (no consent, Do Not Track): pageviews are counted without an id. */
  vid: trackerIdSchema.nullable(),
  sid: trackerIdSchema,
  /** The client's clock when it sent the beacon: event times are taken relative to it. */
  now: timestamp,
  /** The browser asked not to be tracked (Do Not Track or Global Privacy Control). */
  dnt: z.boolean().optional(),
  events: z
    .array(z.discriminatedUnion('type', [pageviewEventSchema, sessionEventSchema, customEventSchema, identifyEventSchema]))
    .min(1, 'at least one event')
    .max(50, 'at most 50 events per request'),
});
export type Beacon = z.infer<typeof beaconSchema>;
export type BeaconEvent = Beacon['events'][number];
