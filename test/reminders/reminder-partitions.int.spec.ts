import { teamStreamId } from '@fangquan/domain';
import {
  ALL_PARTITIONS,
  partitionOf,
  partitionSubscription,
  REMINDER_PARTITIONS,
  ReminderSubscriptions,
  REQUEST_REMINDERS_SUBSCRIPTION,
} from '@fangquan/reminders';
import { eventStoreMigrations } from '@fangquan/event-store';
import { ChainPartitionCheckpoints1764700000000 } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import { withScratchDatabase } from './support/scratch-database';
import {
  createWorld,
  eventually,
  expectStatus,
  historyOf,
  recordHandover,
  recordingNoticeId,
  registerPower,
  remindersAbout,
  sleep,
  type World,
} from './support/reminder-world';

/**
 * The chains are kept by one process manager per partition (by handover). A team's event reaches
 * every handover of the team, whichever partition keeps it — each exactly once — and each partition
 * moves its own checkpoint.
 */
describe('reminders: one process manager per partition of the chains (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, 'partitions');
    await registerPower(world, { code: 'XC-PT-0001', certifiedOfficers: 1, equipment: [] });
  });

  afterAll(() => t?.close());

  it("runs one subscription per partition in the worker, and the requests' one", () => {
    const names = t.app.get(ReminderSubscriptions).runners.map((runner) => runner.name);
    expect(names).toEqual([...ALL_PARTITIONS.map(partitionSubscription), REQUEST_REMINDERS_SUBSCRIPTION]);
    expect(new Set(names).size).toBe(REMINDER_PARTITIONS + 1);
  });

  it('reminds every handover of a team whose officer leaves, in every partition, once each; the new officer closes them all', async () => {
    const officer = await world.township.client
      .post(`/api/v1/teams/${world.teamId}/officers`)
      .send({ name: '李明', certificateNumber: 'C-PT-1', certificateExpiresOn: '2030-12-31' });
    expectStatus(officer, 201);
    const handovers: string[] = [];
    // Handovers of the one team until every partition keeps at least two.
    while (ALL_PARTITIONS.some((partition) => handovers.filter((id) => partitionOf(id) === partition.index).length < 2)) {
      const handover = await recordHandover(world, 'XC-PT-0001');
      expect(handover.gaps).toEqual([]);
      handovers.push(handover.id);
    }
    // The chains say which partition keeps each handover; the SQL of the partitions' locks agrees with the code.
    const chains = await eventually(
      'a chain for every handover',
      async () => {
        const rows = (await t.dataSource.query(
          `SELECT handover_id, get_byte(decode(md5(handover_id), 'hex'), 0) % $2::int AS partition FROM reminder_chains WHERE handover_id = ANY($1::text[])`,
          [handovers, REMINDER_PARTITIONS],
        )) as { handover_id: string; partition: number }[];
        return rows.length === handovers.length ? rows : undefined;
      },
      5000,
    );
    for (const chain of chains) expect(Number(chain.partition)).toBe(partitionOf(chain.handover_id));

    expectStatus(
      await world.township.client.delete(`/api/v1/teams/${world.teamId}/officers/${(officer.body as { officerId: string }).officerId}`),
      200,
    );
    for (const id of handovers) {
      await eventually(
        `the gap reminder of ${id}`,
        async () => ((await remindersAbout(world.office, id, 'gap')).length > 0 ? true : undefined),
        8000,
      );
    }
    // Every partition's checkpoint is past the team's event.
    expect(await checkpointsPastTeamEvent()).toEqual(new Map(ALL_PARTITIONS.map((partition) => [partitionSubscription(partition), true])));

    expectStatus(
      await world.township.client
        .post(`/api/v1/teams/${world.teamId}/officers`)
        .send({ name: '张华', certificateNumber: 'C-PT-2', certificateExpiresOn: '2030-12-31' }),
      201,
    );
    for (const id of handovers) {
      await eventually(
        `the gaps-closed notice of ${id}`,
        async () => ((await remindersAbout(world.office, id, 'gaps-closed')).length > 0 ? true : undefined),
        8000,
      );
    }
    await sleep(500);
    for (const id of handovers) {
      expect(await remindersAbout(world.office, id, 'gap')).toHaveLength(1);
      expect(await remindersAbout(world.office, id, 'gaps-closed')).toHaveLength(1);
      // The gap reminder and the gaps-closed notice, besides the township's notice of the new handover.
      const sent = (await historyOf(world, id)).filter((entry) => entry.type === 'ReminderSent').map((entry) => entry.data);
      expect(sent.map((data) => data.kind).sort()).toEqual(['gap', 'gaps-closed', 'unanswered']);
      expect(sent.find((data) => data.kind === 'unanswered')?.reminderId).toBe(recordingNoticeId(id));
    }
  });

  it('starts the second partition at the checkpoint the one process manager had reached (migration), or at the log’s start', async () => {
    await withScratchDatabase(t.databaseUrl, eventStoreMigrations, async (runner) => {
      const migration = new ChainPartitionCheckpoints1764700000000();
      const rows = async (): Promise<{ subscription_id: string; transaction_id: string; global_position: string }[]> =>
        (await runner.query(
          `SELECT subscription_id, transaction_id::text, global_position::text FROM subscription_checkpoints ORDER BY subscription_id`,
        )) as never;
      // A log the process manager has not read yet: nothing to copy, both start at the log's start.
      await migration.up(runner);
      expect(await rows()).toEqual([]);
      await runner.query(
        `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at) VALUES ('reminders', '7421'::xid8, 9000, now()), ('read-models', '1'::xid8, 1, now())`,
      );
      await migration.up(runner);
      expect(await rows()).toEqual([
        { subscription_id: 'read-models', transaction_id: '1', global_position: '1' },
        { subscription_id: 'reminders', transaction_id: '7421', global_position: '9000' },
        { subscription_id: 'reminders.1', transaction_id: '7421', global_position: '9000' },
      ]);
      await migration.down(runner);
      expect((await rows()).map((row) => row.subscription_id)).toEqual(['read-models', 'reminders']);
    });
  });

  async function checkpointsPastTeamEvent(): Promise<Map<string, boolean>> {
    const rows = (await t.dataSource.query(
      `SELECT c.subscription_id, (c.transaction_id, c.global_position) >= (e.transaction_id, e.global_position) AS past
       FROM subscription_checkpoints c,
            (SELECT transaction_id, global_position FROM events WHERE stream_id = $2 ORDER BY stream_version DESC LIMIT 1) e
       WHERE c.subscription_id = ANY($1::text[])`,
      [ALL_PARTITIONS.map(partitionSubscription), teamStreamId(world.teamId)],
    )) as { subscription_id: string; past: boolean }[];
    return new Map(rows.map((row) => [row.subscription_id, row.past]));
  }
});
