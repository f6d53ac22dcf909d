// The framework-free part of the binding: talks to window.ZoriHQ, which is either the command
// queue (an array: the script has not loaded yet) or the loaded tracker's API.

export type Traits = { app_id?: string | number; email?: string } & Record<string, unknown>;
export type Props = Record<string, string | number | boolean | null>;
export type ZoriApi = {
  getVisitorId(): Promise<string>;
  identify(traits: Traits): void;
  track(name: string, props?: Props): void;
  setConsent(consent: { analytics: boolean }): void;
  optOut(): void;
};
type Command = [string, ...unknown[]];
type ZoriWindow = { ZoriHQ?: Command[] | (ZoriApi & { push(cmd: Command): void }) };

const zoriWindow = (): ZoriWindow | undefined => (typeof window === 'undefined' ? undefined : (window as unknown as ZoriWindow));

/** Runs a command now if the tracker is loaded, else queues it for when it loads. No-op on the server. */
export function command(cmd: Command): void {
  const w = zoriWindow();
  if (!w) return;
  w.ZoriHQ = w.ZoriHQ || [];
  w.ZoriHQ.push(cmd);
}

/**
 * The visitor id to send to your backend (e.g. as Stripe metadata `zori_visitor_id`). Resolves once
 * the tracker has run; on the server it rejects, since there is no visitor there.
 */
export function getVisitorId(): Promise<string> {
  if (!zoriWindow()) return Promise.reject(new Error('getVisitorId() runs in the browser only'));
  return new Promise((resolve) => command(['getVisitorId', resolve]));
}

export const zori: ZoriApi = {
  getVisitorId,
  identify: (traits) => command(['identify', traits]),
  track: (name, props) => command(['track', name, props]),
  setConsent: (consent) => command(['setConsent', consent]),
  optOut: () => command(['optOut']),
};
