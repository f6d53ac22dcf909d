import { markDaysDirty } from '../day-rollups/engine';

/** Touches from `since` on were just written for a project (after they commit). */
export const markVisitorDaysDirty = (projectId: string, since: Date) => markDaysDirty('visitors', projectId, since);
