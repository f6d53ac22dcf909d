import { type Actor, authorizeProject } from '@/lib/authz';
import { confirmMove, disconnect } from './connections';
import { afterConnect } from './flow';
import { importStatus, type ImportView, runImport, startImport } from './history-import';

// What an owner or admin does to a project's Connect connection from the Integrations page
// (through app/api/stripe/connect/*): disconnect, confirm a move, run or poll the history import.
// Each starts from the actor and the project id, so the manage check cannot be skipped by a caller.

export async function disconnectProject(actor: Actor, projectId: string): Promise<void> {
  await disconnect(await authorizeProject(actor, projectId, 'manage'));
}

/** Moves the Stripe account of a pending move into this project, then registers the endpoint and starts the import. */
export async function moveConnectionHere(actor: Actor, projectId: string, moveId: string): Promise<void> {
  await confirmMove(await authorizeProject(actor, projectId, 'manage'), moveId);
  await afterConnect(actor, projectId);
}

export async function importProgress(actor: Actor, projectId: string): Promise<ImportView | null> {
  return importStatus(await authorizeProject(actor, projectId, 'manage'));
}

/** Runs the history import again (or resumes an unfinished one) in the background; returns its progress. */
export async function rerunImport(actor: Actor, projectId: string): Promise<ImportView | null> {
  const scope = await authorizeProject(actor, projectId, 'manage');
  const job = await startImport(scope);
  void runImport(job.id);
  return importStatus(scope);
}
