// Work that must finish before the process exits (flushing buffered beacons, draining the
// webhook queue) registers here; the server runs the hooks on SIGTERM after it stops accepting.
// Shutdown has a deadline (a process manager kills what does not exit in time, and a database
// that is away would make the hooks wait forever): hooks still running then are given up on,
// and each says what it leaves behind so the log can tell.

type Hook = {
  name: string;
  run: () => Promise<void>;
  /** What is left undone if the hook is cut off now (undefined: nothing). */
  left?: () => string | undefined;
};
const g = globalThis as unknown as { __zoriShutdownHooks?: Hook[] };
const hooks: Hook[] = (g.__zoriShutdownHooks ??= []);

export function onShutdown(name: string, run: () => Promise<void>, left?: () => string | undefined): void {
  if (!hooks.some((h) => h.name === name)) hooks.push({ name, run, left });
}

export type ShutdownReport = { finished: string[]; abandoned: { name: string; left?: string }[] };

/** Runs every hook at once; those still running at `deadline` (epoch ms) are reported as abandoned. */
export async function runShutdownHooks(deadline = Date.now() + 30_000): Promise<ShutdownReport> {
  const list = hooks.splice(0);
  const running = new Set(list);
  const finished: string[] = [];
  const all = Promise.all(
    list.map(async (hook) => {
      try {
        await hook.run();
      } catch (err) {
        console.error(`[zori] shutdown hook ${hook.name} failed`, err);
      }
      running.delete(hook);
      finished.push(hook.name);
    }),
  );
  await withinDeadline(all, deadline - Date.now());
  return { finished, abandoned: [...running].map((h) => ({ name: h.name, left: h.left?.() })) };
}

/** Resolves with `work`'s result, or with `undefined` once `ms` have passed (the work is left running). */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let cancel = () => {};
  const timeout = new Promise<undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
    cancel = () => clearTimeout(timer);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    cancel();
  }
}
