import { zori, type ZoriApi } from './zori';

export type { Props, Traits, ZoriApi } from './zori';
export { zori } from './zori';

/**
 * `const { getVisitorId, identify, track, setConsent, optOut } = useZori()`. The functions are
 * stable (safe in effect dependencies) and work before the script has loaded: calls are queued.
 */
export function useZori(): ZoriApi {
  return zori;
}
