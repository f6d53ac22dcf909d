// Work that must finish before the process exits (flushing buffered beacons, draining the
// webhook queue) registers here; the server runs the hooks on SIGTERM after it stops accepting.

type Hook = { name: string; run: () => Promise<void> };
const g = globalThis as unknown as { __zoriShutdownHooks?: Hook[] };
const hooks: Hook[] = (g.__zoriShutdownHooks ??= []);

export function onShutdown(name: string, run: () => Promise<void>): void {
  if (!hooks.some((h) => h.name === name)) hooks.push({ name, run });
}

export async function runShutdownHooks(): Promise<void> {
  for (const hook of hooks.splice(0)) {
    try {
      await hook.run();
    } catch (err) {
      console.error(`[zori] shutdown hook ${hook.name} failed`, err);
    }
  }
}
