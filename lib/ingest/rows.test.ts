import { describe, expect, it } from 'vitest';
import { hashIdentity } from '@/lib/identity/hash';
import { beaconSchema } from '@/lib/zod/ingest';
import { beaconToRows, eventTime, MAX_EVENT_AGE_MS } from './rows';

const project = { id: 'prj', domains: ['shop.example.com'], respectDoNotTrack: true, identitySalt: 'salt' };
const received = new Date('2026-06-01T12:00:00Z');
const VID = 'v'.repeat(22);
const SID = 's'.repeat(22);

describe('eventTime', () => {
  it('is the event age by the client clock, taken back from arrival, clamped to [arrival − 24 h, arrival]', () => {
    expect(eventTime(1_000, 6_000, received).getTime()).toBe(received.getTime() - 5_000);
    expect(eventTime(9_000, 6_000, received)).toEqual(received); // "future" event: now
    expect(eventTime(0, 10 * MAX_EVENT_AGE_MS, received).getTime()).toBe(received.getTime() - MAX_EVENT_AGE_MS);
  });
});

describe('beaconToRows', () => {
  const rows = (beacon: unknown, p = project) => beaconToRows(beaconSchema.parse(beacon), p, { receivedAt: received, country: 'FR' });
  const now = 1_000_000;

  it('one visitor row spanning the events, a touch for the session start, identity as salted hashes', () => {
    const r = rows({
      key: 'k', vid: VID, sid: SID, now,
      events: [
        { type: 'pageview', ts: now - 2000, path: '/a', session: { referrer: 'https://www.google.co.uk/search?q=x', utm_term: ' shoes ' } },
        { type: 'pageview', ts: now - 1000, path: '/b' },
        { type: 'identify', ts: now, app_id: 7, email: 'A@B.C' },
      ],
    });
    expect(r.visitors).toEqual([
      expect.objectContaining({ visitorId: VID, country: 'FR', firstSeenAt: new Date(received.getTime() - 2000), lastSeenAt: received, appUserIdHash: hashIdentity('salt', 'app_user', '7'), emailHash: hashIdentity('salt', 'email', 'a@b.c') }),
    ]);
    expect(r.touches).toEqual([expect.objectContaining({ channel: 'Organic Search', source: 'google', medium: 'organic', term: 'shoes', referrerDomain: 'www.google.co.uk', referrerPath: '/search', landingPath: '/a', onlyIfFirst: false })]);
    expect(r.pageviews.map((p) => [p.path, p.referrerDomain])).toEqual([['/a', 'www.google.co.uk'], ['/b', null]]);
  });

  it('Do Not Track strips the id only when the project honours it', () => {
    const beacon = { key: 'k', vid: VID, sid: SID, now, dnt: true, events: [{ type: 'pageview', ts: now, path: '/', session: {} }, { type: 'identify', ts: now, email: 'a@b.c' }] };
    const honoured = rows(beacon);
    expect(honoured.visitors).toEqual([]);
    expect(honoured.touches).toEqual([]);
    expect(honoured.pageviews[0].visitorId).toBeNull();
    const ignored = rows(beacon, { ...project, respectDoNotTrack: false });
    expect(ignored.visitors[0].visitorId).toBe(VID);
    expect(ignored.touches).toHaveLength(1);
  });

  it('marks a session start from the own site as first-touch-only, and stores custom events with their props', () => {
    const r = rows({ key: 'k', vid: VID, sid: SID, now, events: [{ type: 'session', ts: now, path: '/x', session: { referrer: 'https://shop.example.com/' } }, { type: 'event', ts: now, name: 'cta', props: { id: 3 } }] });
    expect(r.touches[0]).toMatchObject({ onlyIfFirst: true, channel: 'Direct' });
    expect(r.pageviews).toEqual([]);
    expect(r.events[0]).toMatchObject({ name: 'cta', props: '{"id":3}' });
  });
});
