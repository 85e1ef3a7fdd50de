import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queryPrepared, statementFor } from '@fangquan/event-store';
import { handoverStreamId } from '@fangquan/domain';
import type { ChainRecord } from '../chain/chain-record';
import { type ChainRowSql, toRecord } from '../chain/chain-rows';
import type { DeliveryFacts, ReminderDraft } from '../policy/delivery-decision';
import type { OutsideChannel } from '../policy/reminder-ids';
import type { Candidate } from '../policy/reminder-recipients';

/** A reminder about to be delivered, with everything its rows and messages need. */
export type ReminderToRecord = ReminderDraft;

/** An outside delivery to queue once the reminder has committed. */
export interface OutsideDelivery {
  readonly channel: OutsideChannel;
  /** The webhook URL, the e-mail address or the robot's label (the job's data: a robot's URL is read from the configuration when it is sent). */
  readonly target: string;
  /** What the deliveries table shows (a URL without its query, or the address). */
  readonly label: string;
}

/** What a delivery reads first, in one statement, with the chain row locked. */
export interface DeliveryContext extends DeliveryFacts {
  /** The handover stream's version: ReminderSent is appended expecting it. */
  readonly streamVersion: number;
  readonly candidates: Candidate[];
}

interface ContextRow {
  chain: ChainRowSql;
  delivered: boolean;
  stream_version: number;
  revoked: boolean;
  candidates: Candidate[];
  last_gap_reminder_at: Date | string | null;
  since_last_gap_reminder_ms: number | string | null;
}

/** The chain's latest gap reminder (a step or an update), for coalescing: alias x holds the handover id. */
const LAST_GAP_REMINDER_X = `LEFT JOIN LATERAL (SELECT g.created_at FROM reminders g WHERE g.handover_id = x.handover_id AND g.kind = 'gap'
     ORDER BY g.created_at DESC LIMIT 1) lg ON true`;

/** How long ago (ms, the database's clock, as the reminders' created_at) the latest gap reminder was written. */
const SINCE_LAST_GAP_REMINDER = `(extract(epoch FROM clock_timestamp() - lg.created_at) * 1000)::float8 AS since_last_gap_reminder_ms`;

function msOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}

/** One reminder to deliver: the handover, its stream and the reminder id. */
export interface ContextKey {
  readonly handoverId: string;
  readonly streamId: string;
  readonly reminderId: string;
}

/** The users (alias u) who can be reminded, and their aggregate as the Candidate list, by username. */
const REMINDABLE_U = `u.role IN ('county_admin', 'department', 'township')`;
const CANDIDATES_OF_U = `jsonb_agg(jsonb_build_object('id', u.id, 'username', u.username, 'role', u.role, 'department', u.department,
  'townshipId', u.township_id, 'head', u.head) ORDER BY u.username)`;

const LOAD_CONTEXTS = statementFor(
  'fangquan_delivery_contexts',
  `SELECT x.reminder_id, to_jsonb(c) AS chain,
            EXISTS (SELECT 1 FROM reminders WHERE id = x.reminder_id) AS delivered,
            (SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = x.stream_id)::int AS stream_version,
            (c.handover_status = 'revoked' OR EXISTS (SELECT 1 FROM events WHERE stream_id = x.stream_id AND stream_version > c.handover_version AND type = 'HandoverRevoked')) AS revoked,
            (SELECT coalesce(${CANDIDATES_OF_U}, '[]'::jsonb) FROM users u WHERE u.county_id = c.county_id::uuid AND ${REMINDABLE_U}) AS candidates,
            lg.created_at AS last_gap_reminder_at, ${SINCE_LAST_GAP_REMINDER}
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(handover_id, stream_id, reminder_id)
     JOIN reminder_chains c ON c.handover_id = x.handover_id
     ${LAST_GAP_REMINDER_X}
     ORDER BY c.handover_id FOR UPDATE OF c`,
);

/**
 * Locks the chain rows (FOR UPDATE: deliveries of one handover, and the process manager's changes to
 * it, go one at a time) and reads, in the same statement, for each reminder whether it is written
 * already, the handover stream's head and whether it holds a revocation (the chain knows of it, or it
 * lies beyond the last event the chain has seen: only those events are read), and the county's users.
 * A reminder whose chain the process manager has not committed yet is missing from the map.
 */
export async function loadDeliveryContexts(tx: EntityManager, keys: readonly ContextKey[]): Promise<Map<string, DeliveryContext>> {
  const rows = await queryPrepared<ContextRow & { reminder_id: string }>(tx, LOAD_CONTEXTS, [
    keys.map((key) => key.handoverId),
    keys.map((key) => key.streamId),
    keys.map((key) => key.reminderId),
  ]);
  return new Map(
    rows.map((row) => [
      row.reminder_id,
      {
        chain: toRecord(row.chain),
        delivered: row.delivered,
        streamVersion: Number(row.stream_version),
        revoked: row.revoked,
        candidates: row.candidates,
        lastGapReminderAt: isoOrNull(row.last_gap_reminder_at),
        sinceLastGapReminderMs: msOrNull(row.since_last_gap_reminder_ms),
      },
    ]),
  );
}

/** A gap step the process manager delivers in its own batch, with the chain it has just saved and holds locked. */
export interface HeldChainKey {
  readonly reminderId: string;
  readonly chain: ChainRecord;
}

/**
 * LOAD_CONTEXTS for chains the caller already holds: the same answers without reading the chains
 * back (or locking them again). Each reminder is looked up by its key (a LATERAL with LIMIT, so the
 * planner probes the indexes instead of hashing whole tables), and the county's users come once per
 * county, on the first row. $1 reminder id[], $2 stream id[], $3 handover version the chain has seen[],
 * $4 county id[] (distinct), $5 handover id[].
 */
const LOAD_HELD_CONTEXTS = statementFor(
  'fangquan_delivery_contexts_held',
  `SELECT x.reminder_id,
          (d.found IS NOT NULL) AS delivered,
          coalesce(h.version, 0)::int AS stream_version,
          (r.found IS NOT NULL) AS revoked,
          CASE WHEN x.n = 1 THEN (
            SELECT coalesce(jsonb_object_agg(k.county_id, k.users), '{}'::jsonb) FROM (
              SELECT u.county_id::text AS county_id, ${CANDIDATES_OF_U} AS users
              FROM users u WHERE u.county_id = ANY($4::uuid[]) AND ${REMINDABLE_U}
              GROUP BY u.county_id) k
          ) END AS candidates_by_county,
          lg.created_at AS last_gap_reminder_at, ${SINCE_LAST_GAP_REMINDER}
   FROM unnest($1::text[], $2::text[], $3::int[], $5::text[]) WITH ORDINALITY AS x(reminder_id, stream_id, seen_version, handover_id, n)
   LEFT JOIN LATERAL (SELECT true AS found FROM reminders WHERE id = x.reminder_id LIMIT 1) d ON true
   LEFT JOIN LATERAL (SELECT e.stream_version AS version FROM events e WHERE e.stream_id = x.stream_id ORDER BY e.stream_version DESC LIMIT 1) h ON true
   LEFT JOIN LATERAL (SELECT true AS found FROM events e WHERE e.stream_id = x.stream_id AND e.stream_version > x.seen_version AND e.type = 'HandoverRevoked' LIMIT 1) r ON true
   ${LAST_GAP_REMINDER_X}
   ORDER BY x.n`,
);

/**
 * The delivery contexts of gap steps whose chains the caller holds (the process manager, which has just
 * saved them in its transaction): what loadDeliveryContexts answers, from one statement that reads
 * neither the chains nor, more than once per county, the county's users.
 */
export async function loadHeldDeliveryContexts(tx: EntityManager, keys: readonly HeldChainKey[]): Promise<Map<string, DeliveryContext>> {
  if (keys.length === 0) return new Map();
  const counties = [...new Set(keys.map((key) => key.chain.countyId))];
  const rows = await queryPrepared<{
    reminder_id: string;
    delivered: boolean;
    stream_version: number;
    revoked: boolean;
    candidates_by_county: Record<string, Candidate[]> | null;
    last_gap_reminder_at: Date | string | null;
    since_last_gap_reminder_ms: number | string | null;
  }>(tx, LOAD_HELD_CONTEXTS, [
    keys.map((key) => key.reminderId),
    keys.map((key) => handoverStreamId(key.chain.handoverId)),
    keys.map((key) => key.chain.handoverVersion),
    counties,
    keys.map((key) => key.chain.handoverId),
  ]);
  const candidates = rows[0]?.candidates_by_county ?? {};
  const chains = new Map(keys.map((key) => [key.reminderId, key.chain]));
  const contexts = new Map<string, DeliveryContext>();
  for (const row of rows) {
    const chain = chains.get(row.reminder_id);
    if (chain === undefined) continue;
    contexts.set(row.reminder_id, {
      chain,
      delivered: row.delivered,
      streamVersion: Number(row.stream_version),
      revoked: chain.handoverStatus === 'revoked' || row.revoked,
      candidates: candidates[chain.countyId] ?? [],
      lastGapReminderAt: isoOrNull(row.last_gap_reminder_at),
      sinceLastGapReminderMs: msOrNull(row.since_last_gap_reminder_ms),
    });
  }
  return contexts;
}

/** The recipients of a reminder written already. */
export async function recipientsOf(tx: EntityManager, reminderId: string): Promise<Candidate[]> {
  const [row] = (await tx.query(`SELECT recipients FROM reminders WHERE id = $1`, [reminderId])) as {
    recipients: { userId: string; username: string }[];
  }[];
  return (row?.recipients ?? []).map((r) => ({
    id: r.userId,
    username: r.username,
    role: '',
    department: null,
    townshipId: null,
    head: false,
  }));
}

/** A reminder to write, with its outside deliveries and (gap steps) the step its chain moves on to. */
export interface ReminderWrite {
  readonly reminder: ReminderToRecord;
  readonly outside: readonly OutsideDelivery[];
  readonly nextStep: number | null;
}

const WRITE_REMINDERS = statementFor(
  'fangquan_write_reminders',
  `WITH x AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, handover_id text, county_id text, kind text, step int, episode int, escalated boolean,
         gaps jsonb, detail jsonb, recipients jsonb, township_name text, power_code text, power_name text, outside jsonb, next_step int, inbox_ids jsonb)),
     r AS (
       INSERT INTO reminders (id, handover_id, county_id, kind, step, episode, escalated, gaps, detail, recipients, township_name, power_code, power_name, created_at)
       SELECT id, handover_id, county_id, kind, step, episode, escalated, nullif(gaps, 'null'::jsonb), nullif(detail, 'null'::jsonb), recipients, township_name, power_code, power_name, clock_timestamp()
       FROM x ON CONFLICT (id) DO NOTHING RETURNING id),
     i AS (
       INSERT INTO inbox (id, reminder_id, recipient_user_id, county_id, handover_id, kind, gaps, step, created_at)
       SELECT (x.inbox_ids->>((rc.n - 1)::int))::uuid, x.id, (rc.value->>'userId')::uuid, x.county_id, x.handover_id, x.kind, nullif(x.gaps, 'null'::jsonb), x.step, clock_timestamp()
       FROM x JOIN r ON r.id = x.id, jsonb_array_elements(x.recipients) WITH ORDINALITY AS rc(value, n)
       ON CONFLICT (reminder_id, recipient_user_id) DO NOTHING),
     s AS (
       UPDATE inbox o SET read_at = clock_timestamp()
       FROM x JOIN r ON r.id = x.id, jsonb_array_elements(x.recipients) AS rc
       WHERE o.recipient_user_id = (rc->>'userId')::uuid AND o.handover_id = x.handover_id AND o.read_at IS NULL AND o.reminder_id <> x.id),
     d AS (
       INSERT INTO reminder_deliveries (reminder_id, channel, recipient, status, attempts, updated_at)
       SELECT x.id, 'inbox', rc->>'username', 'delivered', 1, clock_timestamp() FROM x JOIN r ON r.id = x.id, jsonb_array_elements(x.recipients) AS rc
       UNION ALL
       SELECT x.id, o->>'channel', o->>'label', 'pending', 0, clock_timestamp() FROM x JOIN r ON r.id = x.id, jsonb_array_elements(x.outside) AS o
       ON CONFLICT (reminder_id, channel, recipient) DO NOTHING),
     a AS (
       UPDATE reminder_chains c SET next_step = x.next_step, follow_up_due_at = NULL, updated_at = clock_timestamp() FROM x
       WHERE c.handover_id = ANY($2::text[]) AND c.handover_id = x.handover_id AND x.next_step IS NOT NULL)
     SELECT count(*)::int AS written FROM r`,
);

/**
 * Writes, in one statement for any number of reminders: each reminder, one inbox row per recipient
 * (superseding the recipient's unread items of the same handover: they count as read, the new item
 * carries what is current — one unread item per handover) and the delivery rows (inbox delivered; webhook, e-mail and robots pending) — each insert idempotent — and,
 * for gap steps, moves the chains on (their next steps are queued once this commits: nothing is left
 * for the relay). $1 the reminders (JSON), $2 the handover ids of the chains to move on.
 */
export async function writeReminders(tx: EntityManager, writes: readonly ReminderWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const input = writes.map(({ reminder, outside, nextStep }) => ({
    id: reminder.reminderId,
    handover_id: reminder.handoverId,
    county_id: reminder.countyId,
    kind: reminder.kind,
    step: reminder.step,
    episode: reminder.episode,
    escalated: reminder.escalated,
    gaps: reminder.gaps,
    detail: reminder.detail,
    recipients: reminder.recipients.map((user) => ({ userId: user.id, username: user.username })),
    township_name: reminder.townshipName,
    power_code: reminder.powerCode,
    power_name: reminder.powerName,
    outside: outside.map((delivery) => ({ channel: delivery.channel, label: delivery.label })),
    next_step: nextStep,
    inbox_ids: reminder.recipients.map(() => randomUUID()),
  }));
  // The chains to move on, also as an array: the planner then finds them through the key, where
  // joining the JSON rows alone (estimated at 100) it read the whole reminder_chains table.
  const moving = writes.filter((write) => write.nextStep !== null).map((write) => write.reminder.handoverId);
  await queryPrepared(tx, WRITE_REMINDERS, [JSON.stringify(input), moving]);
}
