import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seal } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { syncSelfHostedEndpointEvents } from '@/lib/stripe/endpoint-events';
import { CONNECT_EVENT_TYPES, ensurePlatformWebhook } from '@/lib/stripe/connect/platform-webhook';
import { HANDLED_EVENT_TYPES } from '@/lib/stripe/handlers';
import type { Emulator } from '@/stripe-emulator/server';
import { makeTenant } from '../helpers/factories';
import { control, PLATFORM_KEY, startStripe } from '../helpers/stripe-emulator';

// The webhook endpoints Zori registers subscribe to every event type it handles, including those
// it learnt to handle after the endpoint was made (on the local Stripe emulator, over HTTP).

let emulator: Emulator;
const sdk = (key: string) => new Stripe(key, { host: '127.0.0.1', port: Number(new URL(emulator.url).port), protocol: 'http' });
const NEW_TYPES = ['charge.captured', 'charge.expired'];

beforeAll(async () => {
  emulator = await startStripe();
  process.env.ZORI_PUBLIC_URL ??= 'http://zori.test';
});
afterAll(async () => {
  await emulator.close();
});

describe('event types of the endpoints Zori registers', () => {
  it('subscribes to captures and expiries', () => {
    expect(HANDLED_EVENT_TYPES).toEqual(expect.arrayContaining(NEW_TYPES));
    expect(CONNECT_EVENT_TYPES).toEqual(expect.arrayContaining([...NEW_TYPES, 'account.application.deauthorized']));
  });

  it('adds them to a Connect platform endpoint registered by an earlier version', async () => {
    const url = `http://zori-${Date.now()}.test/webhooks/stripe/connect`;
    const { endpointId } = await ensurePlatformWebhook(undefined, url);
    const older = CONNECT_EVENT_TYPES.filter((t) => !NEW_TYPES.includes(t));
    await sdk(PLATFORM_KEY).webhookEndpoints.update(endpointId, { enabled_events: older as Stripe.WebhookEndpointUpdateParams.EnabledEvent[] });
    await prisma().stripePlatformWebhook.update({ where: { url }, data: { events: older } });
    expect(await ensurePlatformWebhook(undefined, url)).toEqual({ endpointId, created: false });
    expect((await sdk(PLATFORM_KEY).webhookEndpoints.retrieve(endpointId)).enabled_events).toEqual(expect.arrayContaining(CONNECT_EVENT_TYPES));
    expect((await prisma().stripePlatformWebhook.findUniqueOrThrow({ where: { url } })).events).toEqual(expect.arrayContaining(NEW_TYPES));
  });

  it('adds them at start to self-hosted endpoints Zori created, leaving other endpoints alone', async () => {
    const made = await control<{ account: { id: string }; secretKey: string }>(emulator, '/_emulator/accounts', { name: 'Older Zori shop' });
    const older = HANDLED_EVENT_TYPES.filter((t) => !NEW_TYPES.includes(t)) as Stripe.WebhookEndpointCreateParams.EnabledEvent[];
    const ours = await sdk(made.secretKey).webhookEndpoints.create({ url: 'http://zori.test/webhooks/stripe/p1', enabled_events: older });
    const theirs = await sdk(made.secretKey).webhookEndpoints.create({ url: 'http://elsewhere.test/hook', enabled_events: ['customer.created'] });
    const { project } = await makeTenant(['owner']);
    await prisma().stripeConnection.create({
      data: { projectId: project.id, kind: 'self_hosted', stripeAccountId: made.account.id, secretKey: seal(made.secretKey), webhookEndpointId: ours.id, webhookSecrets: [seal(ours.secret!)] },
    });
    const logged: string[] = [];
    await syncSelfHostedEndpointEvents((m) => logged.push(m));
    expect((await sdk(made.secretKey).webhookEndpoints.retrieve(ours.id)).enabled_events.sort()).toEqual([...HANDLED_EVENT_TYPES].sort());
    expect((await sdk(made.secretKey).webhookEndpoints.retrieve(theirs.id)).enabled_events).toEqual(['customer.created']);
    expect(logged.some((m) => m.includes(ours.id) && m.includes('charge.captured'))).toBe(true);
    logged.length = 0;
    await syncSelfHostedEndpointEvents((m) => logged.push(m)); // nothing left to add
    expect(logged.filter((m) => m.includes(ours.id))).toEqual([]);
  });
});
