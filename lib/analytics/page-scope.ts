import { notFound, redirect } from 'next/navigation';
import { currentUser, userActor } from '@/lib/auth/session';
import { authorizeProject, NotFoundError, type ProjectScope } from '@/lib/authz';

/** For the dashboard's pages: the signed-in user's read scope on a project, else sign-in or 404. */
export async function pageProjectScope(projectId: string): Promise<ProjectScope> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  try {
    return await authorizeProject(userActor(user), projectId, 'read');
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}
