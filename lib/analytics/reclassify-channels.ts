import { rebuildCredits } from '@/lib/analytics/credits/rebuild';
import { markDaysDirty } from '@/lib/analytics/day-rollups/engine';
import { buildRevenueRollup } from '@/lib/analytics/revenue-rollup/build';
import { buildVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { type Actor, authorizeProject } from '@/lib/authz';
import { CHANNEL_RULES_VERSION, classifyChannel } from '@/lib/channels/classify';
import { retryOnDeadlock, withTransaction } from '@/lib/db/transaction';

// A touch keeps the channel it was stored with when the channel rules change (AI Assistants came
// after many Referral and Organic Social visits from chatgpt.com). A project may ask for its history
// to follow the current rules: every touch whose stored source / medium / campaign now names another
// channel moves, and the rollups follow exactly — the payments of those visitors are marked for a
// credit rebuild and the day rollups from the first moved day on are marked stale, in the same
// transaction as the move, so a crash leaves work for the sweep, never a wrong figure.

export type Reclassification = { touches: number; payments: number; from: Date | null; rulesVersion: number };

/** The channel each stored (source, medium, campaign) names under the current rules, where it differs. */
type Move = { source: string; medium: string; campaign: string; channel: string; next: string };

export async function reclassifyChannels(projectId: string): Promise<Reclassification> {
  const moved = await retryOnDeadlock(() =>
    withTransaction(async (tx) => {
      // One reclassification per project at a time; the version is written with the moves.
      await tx.query(`SELECT 1 FROM "Project" WHERE id = $1 FOR UPDATE`, [projectId]);
      const { rows: combos } = await tx.query<Omit<Move, 'next'>>(
        `SELECT coalesce(source, '') AS source, coalesce(medium, '') AS medium, coalesce(campaign, '') AS campaign, channel
         FROM "Touch" WHERE "projectId" = $1 GROUP BY 1, 2, 3, 4`,
        [projectId],
      );
      const moves: Move[] = combos.map((c) => ({ ...c, next: classifyChannel(c) })).filter((m) => m.next !== m.channel);
      let result = { touches: 0, from: null as Date | null, payments: [] as string[] };
      if (moves.length) {
        const col = (k: keyof Move) => moves.map((m) => m[k]);
        const { rows } = await tx.query<{ touches: string; from: Date | null; payments: string[] | null }>(
          `WITH moved AS (
             UPDATE "Touch" t SET channel = m.next
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS m(source, medium, campaign, channel, next)
             WHERE t."projectId" = $1 AND t.channel = m.channel AND coalesce(t.source, '') = m.source
               AND coalesce(t.medium, '') = m.medium AND coalesce(t.campaign, '') = m.campaign
             RETURNING t."visitorId", t."occurredAt"),
           firsts AS (SELECT "visitorId", min("occurredAt") AS since FROM moved GROUP BY 1),
           marked AS (
             UPDATE "Payment" p SET "creditsDirty" = true FROM firsts f
             WHERE p."projectId" = $1 AND p."visitorId" = f."visitorId" AND p."paidAt" + interval '1 second' > f.since
             RETURNING p.id)
           SELECT (SELECT count(*) FROM moved) AS touches, (SELECT min(since) FROM firsts) AS "from", (SELECT array_agg(id) FROM marked) AS payments`,
          [projectId, col('source'), col('medium'), col('campaign'), col('channel'), col('next')],
        );
        result = { touches: Number(rows[0].touches), from: rows[0].from, payments: rows[0].payments ?? [] };
        if (result.from) await markDaysDirty('visitors', projectId, result.from, tx);
      }
      await tx.query(`UPDATE "Project" SET "channelRulesVersion" = $2 WHERE id = $1`, [projectId, CHANNEL_RULES_VERSION]);
      return result;
    }),
  );
  // The credit rebuild marks the revenue days it changes; then both day rollups catch up now rather
  // than at the next sweep.
  await rebuildCredits(projectId, moved.payments);
  await buildVisitorRollup(projectId);
  await buildRevenueRollup(projectId);
  return { touches: moved.touches, payments: moved.payments.length, from: moved.from, rulesVersion: CHANNEL_RULES_VERSION };
}

/** Settings › Channels: an owner or admin applies the current channel rules to the project's history. */
export async function reclassifyProjectChannels(actor: Actor, projectId: string): Promise<Reclassification> {
  await authorizeProject(actor, projectId, 'manage');
  return reclassifyChannels(projectId);
}
