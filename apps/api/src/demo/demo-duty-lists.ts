import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { activeHandoverPowers, handoverDutyItems, type DutyRecord, type HandoverOfTownship } from '@fangquan/domain';
import { Duties, DutyLists, Handovers, type CommandOptions, type LedgerActor, type LedgerResult, type TownshipRef } from '@fangquan/ledger';
import { SAMPLE_CATALOGUE } from './sample-catalogue';
import { SAMPLE_DUTIES } from './sample-duties';

/** The township whose list is published, and the one whose list is only a draft. */
export const DEMO_PUBLISHED_TOWNSHIP = '城关镇';
export const DEMO_DRAFT_TOWNSHIP = '西坪镇';
export const DEMO_DECISION_REF = '示政办〔2025〕23号';

function unwrap<S>(what: string, result: LedgerResult<S>): void {
  if (!result.ok) throw new Error(`demo seed: ${what} refused: ${JSON.stringify(result.error)}`);
}

/**
 * The demo county's duty catalogue and two townships' lists, through the ledger services: 城关镇's
 * list compiled, adjusted and published as version 1 (with one later change still in its draft), and
 * 西坪镇's list compiled and adjusted but not published. Idempotent: a duty already registered, a list
 * already compiled or published is left as it is, so it can run again on every start.
 */
@Injectable()
export class DemoDutyLists {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly duties: Duties,
    private readonly lists: DutyLists,
    private readonly handovers: Handovers,
  ) {}

  async seed(actor: LedgerActor & { countyId: string }, townships: ReadonlyMap<string, string>, options: CommandOptions): Promise<void> {
    const countyId = actor.countyId;
    const catalogue: DutyRecord[] = [];
    for (const item of SAMPLE_DUTIES) {
      const loaded = await this.duties.load(countyId, item.code);
      if (loaded.state.status === 'none') {
        const registered = await this.duties.register(actor, item, options);
        if (!registered.ok) throw new Error(`demo seed: duty ${item.code} refused: ${JSON.stringify(registered.error)}`);
        catalogue.push(registered.state);
      } else catalogue.push(loaded.state);
    }
    const published = townships.get(DEMO_PUBLISHED_TOWNSHIP);
    const draft = townships.get(DEMO_DRAFT_TOWNSHIP);
    if (published !== undefined) await this.publishFirstVersion(actor, { id: published, countyId }, catalogue, options);
    if (draft !== undefined) await this.compileDraft(actor, { id: draft, countyId }, catalogue, options);
  }

  /** Compiled from the catalogue, two items adjusted to what the township can carry, published; then one change left in the draft. */
  private async publishFirstVersion(actor: LedgerActor, township: TownshipRef, catalogue: DutyRecord[], options: CommandOptions) {
    if ((await this.lists.load(township.id)).state.published !== null) return;
    const handovers = await this.handoversOf(township.id);
    const held = activeHandoverPowers(handovers);
    unwrap('compile', await this.lists.compile(actor, township, catalogue, held, options));
    const set = (
      dutyCode: string,
      category: 'basic' | 'assisting' | 'returned',
      extra: { cooperation?: string; leadDepartment?: string } = {},
    ) => this.lists.setItem(actor, township, { dutyCode, category, ...extra }, held, options);
    // 城关镇 is the county seat: the urban-management office does the fume checks with the township's team.
    unwrap('set ZF-018', await set('ZF-018', 'basic'));
    unwrap(
      'set MS-010',
      await set('MS-010', 'assisting', {
        cooperation: '便民服务中心代收申请材料并当场核对，3个工作日内转县卫生健康局；不作审查和登记',
        leadDepartment: '县卫生健康局',
      }),
    );
    const sources = {
      duties: new Map(catalogue.map((duty) => [duty.code, duty])),
      derived: handoverDutyItems(handovers),
      activeHandoverPowers: held,
    };
    unwrap('publish', await this.lists.publish(actor, township, { decisionRef: DEMO_DECISION_REF, note: '首次公布' }, sources, options));
    // A later adjustment, not yet approved: it stays in the draft until version 2 is published.
    unwrap(
      'set JJ-006',
      await set('JJ-006', 'assisting', {
        cooperation: '对辖区加油站点开展安全巡查，发现无证经营的报告县商务局；不出具审核意见',
        leadDepartment: '县商务局',
      }),
    );
    this.logger.log(`Published the duty list of ${DEMO_PUBLISHED_TOWNSHIP} (${DEMO_DECISION_REF})`);
  }

  /** Compiled and adjusted, never published: the public page says nothing is published yet. */
  private async compileDraft(actor: LedgerActor, township: TownshipRef, catalogue: DutyRecord[], options: CommandOptions) {
    const current = await this.lists.load(township.id);
    if (current.version > 0) return;
    const held = activeHandoverPowers(await this.handoversOf(township.id));
    unwrap('compile', await this.lists.compile(actor, township, catalogue, held, options));
    unwrap(
      'set YJ-005',
      await this.lists.setItem(
        actor,
        township,
        {
          dutyCode: 'YJ-005',
          category: 'assisting',
          cooperation: '掌握辖区采石场名单，发现无证开采、超层越界的立即报告；不开展安全检查',
          leadDepartment: '县应急管理局',
        },
        held,
        options,
      ),
    );
    unwrap('remove QT-006', await this.lists.removeItem(actor, township, 'QT-006', options));
  }

  /** The township's handovers (oldest first) with their current status, from the ledger. */
  private async handoversOf(townshipId: string): Promise<HandoverOfTownship[]> {
    const rows = (await this.dataSource.query(
      "SELECT data->>'handoverId' AS id FROM events WHERE type = 'HandoverRecorded' AND data->>'townshipId' = $1 ORDER BY global_position",
      [townshipId],
    )) as Array<{ id: string }>;
    const names = new Map(SAMPLE_CATALOGUE.map((power) => [power.code, power.name]));
    const handovers: HandoverOfTownship[] = [];
    for (const { id } of rows) {
      const { state } = await this.handovers.load(id);
      if (state.status === 'none') continue;
      handovers.push({
        id,
        powerCode: state.powerCode,
        powerName: names.get(state.powerCode) ?? state.powerCode,
        department: state.department,
        status: state.status,
      });
    }
    return handovers;
  }
}
