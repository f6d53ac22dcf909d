import type { IncomingMessage } from 'node:http';
import type { Peer } from '@/lib/config/env';

// The HTTP front (server/index.ts) tells the app whether a request came over the loopback
// interface, from the socket itself: a header of this name sent by a client is overwritten.

export const PEER_HEADER = 'x-zori-peer';

export function peerOf(remoteAddress: string | undefined): Peer {
  const a = remoteAddress ?? '';
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.') ? 'loopback' : 'remote';
}

/** Sets the header from the socket, replacing whatever the client sent. */
export function markPeer(req: IncomingMessage): void {
  const peer = peerOf(req.socket.remoteAddress);
  req.headers[PEER_HEADER] = peer;
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw, PEER_HEADER, peer);
}

export const peerFromHeader = (value: string | null | undefined): Peer => (value === 'loopback' ? 'loopback' : 'remote');
