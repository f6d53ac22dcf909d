// Which browser origins may send beacons for a project: its listed domains and their subdomains.
// A listed entry with a port (localhost:3000) matches that port only; one without matches any
// port. Nothing is allowed implicitly, localhost included: for local development, add
// `localhost` (or `127.0.0.1`) to the project's domains.

export function originAllowed(origin: string | null | undefined, domains: readonly string[]): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  const hostWithPort = url.port ? `${host}:${url.port}` : host;
  return domains.some((raw) => {
    const d = raw.trim().toLowerCase();
    if (!d) return false;
    if (/:\d+$/.test(d)) return d === hostWithPort;
    return host === d || host.endsWith(`.${d}`);
  });
}
