import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays } from '@fangquan/domain';
import { Handovers, PowerItems, Teams, type LedgerActor, type LedgerResult } from '@fangquan/ledger';
import { APP_CONFIG, CLOCK, localDate, type AppConfig, type Clock } from '@fangquan/platform';
import type { AuthenticatedUser, Role } from '../auth/authenticated-user';
import { CountiesService } from '../identity/counties.service';
import { TownshipsService } from '../identity/townships.service';
import { UsersService } from '../identity/users.service';
import { DemoDutyLists } from './demo-duty-lists';
import { SAMPLE_CATALOGUE } from './sample-catalogue';
import { formatDemoCredentials, readDemoUsernames, readyLine, writeDemoCredentials, type DemoCredential } from './demo-credentials';

const SEEDER: AuthenticatedUser = {
  userId: 'demo-seed',
  username: 'demo-seed',
  role: 'admin',
  countyId: null,
  townshipId: null,
  department: null,
  head: false,
};

interface DemoAccount {
  readonly username: string;
  readonly role: Role;
  readonly township?: string;
  readonly department?: string;
  readonly head?: boolean;
}

const ACCOUNTS: readonly DemoAccount[] = [
  { username: 'county', role: 'county_admin', head: true },
  { username: 'scjg', role: 'department', department: '市场监管局', head: true },
  { username: 'chengguan', role: 'township', township: '城关镇', head: true },
  { username: 'xiping', role: 'township', township: '西坪镇' },
  { username: 'auditor', role: 'auditor' },
];

function unwrap<S, E extends object>(what: string, result: LedgerResult<S, E>): S & E {
  if (!result.ok) throw new Error(`demo seed: ${what} refused: ${JSON.stringify(result.error)}`);
  return result as unknown as S & E;
}

/**
 * On the first start of the embedded default (no county yet, SEED_DEMO not 0), a demo county
 * 示范县 with three townships, the 14-item sample catalogue, handovers in different states, a duty
 * catalogue with one published township list and one draft (demo-duty-lists.ts) and one user per role, whose passwords are printed once and kept in DATA_DIR/demo-credentials.txt (0600).
 * Production (DATABASE_URL) is never seeded.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');
  private printedNow = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly counties: CountiesService,
    private readonly townships: TownshipsService,
    private readonly users: UsersService,
    private readonly powers: PowerItems,
    private readonly teams: Teams,
    private readonly handovers: Handovers,
    private readonly dutyLists: DemoDutyLists,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || this.config.database.kind !== 'embedded') return;
    const [{ seeded }] = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM counties) AS seeded')) as [{ seeded: boolean }];
    if (seeded) return this.seedDutyListsOfExistingDemo();
    const credentials = await this.seed();
    const file = writeDemoCredentials(this.config.dataDir, credentials);
    process.stdout.write(
      `\nDemo county 示范县 created, one user per role (kept in ${file}, readable by you only):\n${formatDemoCredentials(credentials)}\n(SEED_DEMO=0 turns the demo off)\n\n`,
    );
    this.printedNow = true;
  }

  /** A demo county seeded before the duty lists existed gets them on its next start (a no-op once they are there). */
  private async seedDutyListsOfExistingDemo(): Promise<void> {
    const rows = (await this.dataSource.query(
      "SELECT t.id, t.name, t.county_id FROM townships t JOIN counties c ON c.id = t.county_id WHERE c.name = '示范县'",
    )) as Array<{ id: string; name: string; county_id: string }>;
    const countyId = rows[0]?.county_id;
    if (countyId === undefined) return;
    const townships = new Map(rows.map((row) => [row.name, row.id]));
    await this.dutyLists.seed({ username: 'county', countyId }, townships, { correlationId: randomUUID() });
  }

  /** The last line of the start, for `url`: in the embedded mode with a demo, the demo users and their passwords' file. */
  readyLine(url: string): string {
    const demoUsernames = this.config.database.kind === 'embedded' ? readDemoUsernames(this.config.dataDir) : undefined;
    return readyLine({ url, dataDir: this.config.dataDir, demoUsernames, printedNow: this.printedNow });
  }

  private async seed(): Promise<DemoCredential[]> {
    const correlationId = randomUUID();
    const options = { correlationId };
    const county = await this.counties.create('示范县', { username: SEEDER.username, correlationId });
    const townships = new Map<string, { id: string; teamId: string }>();
    for (const name of ['城关镇', '西坪镇', '河口街道'])
      townships.set(name, await this.townships.create(SEEDER, county.id, name, correlationId));
    const team = (name: string): string => townships.get(name)?.teamId ?? '';

    const passwords: DemoCredential[] = [];
    if (!this.config.adminPassword) {
      const password = randomBytes(9).toString('base64url');
      await this.users.create(SEEDER, { username: 'admin', password, role: 'admin' }).catch(() => undefined);
      passwords.push({ username: 'admin', role: 'admin', password });
    }
    for (const account of ACCOUNTS) {
      const password = randomBytes(9).toString('base64url');
      const townshipId = account.township ? townships.get(account.township)?.id : undefined;
      await this.users.create(SEEDER, {
        username: account.username,
        password,
        role: account.role,
        countyId: county.id,
        townshipId,
        department: account.department,
        head: account.head,
      });
      passwords.push({ username: account.username, role: account.role, password });
    }

    const actor: LedgerActor = { username: 'county', countyId: county.id };
    for (const item of SAMPLE_CATALOGUE) unwrap(`power ${item.code}`, await this.powers.register(actor, item, options));

    const today = localDate(this.clock.now(), this.config.timeZone);
    // 城关镇 is well equipped: two certified officers with the courses of the urban-management items.
    const chengguan = team('城关镇');
    const officers: string[] = [];
    for (const [name, certificate] of [
      ['王建国', '330100202100123'],
      ['李晓红', '330100202200456'],
    ] as const) {
      const added = unwrap(
        'officer',
        await this.teams.addOfficer(
          actor,
          chengguan,
          { name, certificateNumber: certificate, certificateExpiresOn: addDays(today, 900) },
          options,
        ),
      );
      officers.push(added.officerId);
    }
    unwrap('equipment', await this.teams.receiveEquipment(actor, chengguan, { kind: 'body-camera', quantity: 4 }, options));
    unwrap('equipment', await this.teams.receiveEquipment(actor, chengguan, { kind: 'camera', quantity: 1 }, options));
    for (const officerId of officers) {
      unwrap(
        'training',
        await this.teams.recordTraining(
          actor,
          chengguan,
          { officerId, course: '市容环卫执法实务', hours: 8, completedOn: addDays(today, -30) },
          options,
        ),
      );
    }
    // 西坪镇 has one officer whose certificate runs out soon, and nothing else yet.
    unwrap(
      'officer',
      await this.teams.addOfficer(
        actor,
        team('西坪镇'),
        { name: '赵立新', certificateNumber: '330100201900789', certificateExpiresOn: addDays(today, 60) },
        options,
      ),
    );

    const record = async (
      powerCode: string,
      teamId: string,
      effectiveInDays: number,
      committed?: Parameters<Handovers['record']>[1]['committed'],
    ): Promise<string> =>
      unwrap(
        `handover ${powerCode}`,
        await this.handovers.record(
          actor,
          { powerCode, teamId, mode: 'transfer', instrument: '示政发〔2026〕8号', effectiveOn: addDays(today, effectiveInDays), committed },
          options,
        ),
      ).state.handoverId;

    const township = (username: string): LedgerActor => ({ username, countyId: county.id });
    // Ready and accepted (active once its effective date has come).
    const littering = await record('CF-CG-0001', chengguan, 0);
    unwrap('acceptance', await this.handovers.accept(township('chengguan'), littering, {}, options));
    // Recorded, ready, awaiting the township's answer.
    await record('CF-CG-0002', chengguan, 30);
    // Recorded with gaps: the market regulator promised officers and cameras that have not arrived.
    await record('CF-SC-0006', team('西坪镇'), 14, {
      officers: [{ name: '孙海涛', certificateNumber: '330100202300321', certificateExpiresOn: addDays(today, 1500) }],
      equipment: [{ kind: 'body-camera', quantity: 2 }],
    });
    // Contested: the township says it cannot carry the coercive measure out.
    const sealing = await record('QZ-SC-0005', team('西坪镇'), 30);
    unwrap(
      'contest',
      await this.handovers.contest(township('xiping'), sealing, '我镇无查封扣押场所和封条，执法人员仅一人，暂无法承接。', options),
    );
    // Revoked: recalled (收回) because the township handled no case.
    const river = await record('CF-SW-0013', team('河口街道'), 7);
    unwrap('revocation', await this.handovers.revoke(actor, river, '事项使用频率低，按精准赋权要求收回。', options));
    const townshipIds = new Map([...townships].map(([name, { id }]) => [name, id]));
    await this.dutyLists.seed({ username: 'county', countyId: county.id }, townshipIds, options);
    this.logger.log('Seeded the demo county 示范县');
    return passwords;
  }
}
