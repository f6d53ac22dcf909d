import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { markPeer, PEER_HEADER, peerOf } from './peer';

describe('peer', () => {
  it('tells loopback sockets from the rest', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(peerOf)).toEqual(Array(4).fill('loopback'));
    expect(['10.0.0.1', '192.0.2.1', '::ffff:192.0.2.1', '2001:db8::1', undefined].map(peerOf)).toEqual(Array(5).fill('remote'));
  });

  it('overwrites whatever the client claimed in the header', () => {
    const req = { socket: { remoteAddress: '192.0.2.1' }, headers: { [PEER_HEADER]: 'loopback' }, rawHeaders: ['X-Zori-Peer', 'loopback', 'Host', 'a'] } as unknown as IncomingMessage;
    markPeer(req);
    expect(req.headers[PEER_HEADER]).toBe('remote');
    expect(req.rawHeaders).toEqual(['Host', 'a', PEER_HEADER, 'remote']);
  });
});
