import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { problem, ProblemException } from '../http/problem';
import { PUBLIC_CATEGORIES, PublishedDutyLists, type PublicDutyItem, type PublishedDutyList } from './published-duty-lists';

/** The domains of the catalogue, in the order the lists show them. */
const DOMAIN_ORDER = ['党的建设', '经济发展', '民生服务', '平安法治', '生态环保', '综合执法', '应急管理', '其他'];

/** A body ready to send: its bytes, their entity tag and, for text worth it, a gzipped twin. */
export interface PublicAnswer {
  readonly body: Buffer;
  readonly etag: string;
  readonly gzipped?: Buffer;
}

interface TownshipNames {
  readonly townshipName: string;
  readonly countyName: string;
}

interface CachedList {
  /** Undefined while the township has no published version. */
  readonly answer: PublicAnswer | undefined;
  readonly version: number | undefined;
  readonly checkedAt: number;
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function rank(list: readonly string[], value: string): number {
  const index = list.indexOf(value);
  return index === -1 ? list.length : index;
}

/** Items in the order the page reads them: category (basic, assisting, returned), domain, code, name. */
export function publicOrder(items: readonly PublicDutyItem[]): PublicDutyItem[] {
  return [...items].sort(
    (a, b) =>
      rank(PUBLIC_CATEGORIES, a.category) - rank(PUBLIC_CATEGORIES, b.category) ||
      rank(DOMAIN_ORDER, a.domain) - rank(DOMAIN_ORDER, b.domain) ||
      a.domain.localeCompare(b.domain) ||
      (a.dutyCode ?? a.powerCode ?? '').localeCompare(b.dutyCode ?? b.powerCode ?? '') ||
      a.name.localeCompare(b.name),
  );
}

/** Only the fields residents see, in a fixed order (an item's other fields never leave the server). */
function publicItem(item: PublicDutyItem): PublicDutyItem {
  const { name, domain, category, cooperation, leadDepartment, contact, dutyCode, powerCode } = item;
  return { name, domain, category, cooperation, leadDepartment, contact, dutyCode, powerCode };
}

/**
 * The token-free answers about a township's duty list: the latest published version as JSON, and QR
 * codes of the public page's address. A list only changes when a version is published, so each
 * process keeps every township's answer in memory, serialized once with its entity tag, and asks the
 * read side again after PUBLIC_CACHE_TTL (one request at a time per township, whatever the load).
 */
@Injectable()
export class PublicDutyListService {
  private readonly townships = new LRUCache<string, TownshipNames>({ max: 10_000 });
  private readonly lists = new LRUCache<string, CachedList>({ max: 10_000 });
  private readonly loading = new Map<string, Promise<CachedList>>();
  private readonly codes = new LRUCache<string, { svg: PublicAnswer; png: PublicAnswer }>({ max: 2_000 });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly published: PublishedDutyLists,
  ) {}

  /** The absolute address of a township's public page (what its QR code holds). */
  pageUrl(townshipId: string): string {
    return `${this.config.publicBaseUrl}/public/townships/${townshipId}`;
  }

  /** The latest published version; 404 for an unknown township or one with nothing published. */
  async latest(townshipId: string): Promise<PublicAnswer> {
    await this.names(townshipId);
    const cached = this.lists.get(townshipId);
    const fresh =
      cached !== undefined && Date.now() - cached.checkedAt < this.config.publicCacheMs ? cached : await this.reload(townshipId);
    if (fresh.answer === undefined)
      throw new ProblemException(problem(404, 'The township has not published a duty list yet', {}, 'duty-list-unpublished'));
    return fresh.answer;
  }

  /** The answer this process holds and need not check yet, without any I/O; undefined when it must ask (or there is none). */
  held(townshipId: string): PublicAnswer | undefined {
    const cached = this.lists.get(townshipId);
    return cached !== undefined && Date.now() - cached.checkedAt < this.config.publicCacheMs ? cached.answer : undefined;
  }

  async qrSvg(townshipId: string): Promise<PublicAnswer> {
    return (await this.qrCodes(townshipId)).svg;
  }

  async qrPng(townshipId: string): Promise<PublicAnswer> {
    return (await this.qrCodes(townshipId)).png;
  }

  private async qrCodes(townshipId: string): Promise<{ svg: PublicAnswer; png: PublicAnswer }> {
    await this.names(townshipId);
    const known = this.codes.get(townshipId);
    if (known !== undefined) return known;
    const url = this.pageUrl(townshipId);
    const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
    const svg = Buffer.from(await QRCode.toString(url, { ...options, type: 'svg' }), 'utf8');
    const png = await QRCode.toBuffer(url, { ...options, type: 'png', width: 512 });
    const made = { svg: { body: svg, etag: etagOf(svg) }, png: { body: png, etag: etagOf(png) } };
    this.codes.set(townshipId, made);
    return made;
  }

  /** The township's and its county's names; 404 for a township the platform does not know. */
  private async names(townshipId: string): Promise<TownshipNames> {
    const known = this.townships.get(townshipId);
    if (known !== undefined) return known;
    const rows = (await this.dataSource.query(
      'SELECT t.name AS township_name, c.name AS county_name FROM townships t JOIN counties c ON c.id = t.county_id WHERE t.id = $1',
      [townshipId],
    )) as Array<{ township_name: string; county_name: string }>;
    const row = rows[0];
    if (row === undefined) throw ProblemException.notFound(`No township ${townshipId}`);
    const names = { townshipName: row.township_name, countyName: row.county_name };
    this.townships.set(townshipId, names);
    return names;
  }

  private reload(townshipId: string): Promise<CachedList> {
    let pending = this.loading.get(townshipId);
    if (pending === undefined) {
      pending = this.load(townshipId).finally(() => this.loading.delete(townshipId));
      this.loading.set(townshipId, pending);
    }
    return pending;
  }

  private async load(townshipId: string): Promise<CachedList> {
    const names = await this.names(townshipId);
    const list = await this.published.latest(townshipId);
    const previous = this.lists.get(townshipId);
    const checkedAt = Date.now();
    // The same version as held: keep its bytes and entity tag, only the time of the check moves.
    const entry: CachedList =
      list === undefined
        ? { answer: undefined, version: undefined, checkedAt }
        : previous !== undefined && previous.version === list.version && previous.answer !== undefined
          ? { ...previous, checkedAt }
          : { answer: this.serialize(townshipId, names, list), version: list.version, checkedAt };
    this.lists.set(townshipId, entry);
    return entry;
  }

  private serialize(townshipId: string, names: TownshipNames, list: PublishedDutyList): PublicAnswer {
    const items = publicOrder(list.items).map(publicItem);
    const counts = { basic: 0, assisting: 0, returned: 0 };
    for (const item of items) counts[item.category] += 1;
    const body = Buffer.from(
      JSON.stringify({
        townshipId,
        townshipName: names.townshipName,
        countyName: names.countyName,
        version: list.version,
        publishedAt: list.publishedAt,
        decisionRef: list.decisionRef,
        items,
        counts,
      }),
      'utf8',
    );
    // Compressed once per version: a 340-item list shrinks to about a fifth, for residents' mobile data.
    return { body, etag: etagOf(body), gzipped: gzipSync(body) };
  }
}
