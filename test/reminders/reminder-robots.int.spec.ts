import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createWorld,
  type DeliveryView,
  eventually,
  expectStatus,
  readBody,
  recordHandover,
  recordingNoticeId,
  registerPower,
  type World,
} from './support/reminder-world';

/**
 * The group robots, played by local HTTP servers that answer as DingTalk and WeCom do (HTTP 200 and an
 * `errcode`): DingTalk's checks the access token and the signature with the secret; a reminder reaches
 * both robots as markdown; a robot that first answers with its rate-limit code takes the reminder on
 * the retry, once; a robot that keeps failing ends failed after DELIVERY_ATTEMPTS, with its errcode,
 * while the other robot has long taken the reminder.
 */
const SECRET = 'SEC-dingtalk-secret-for-tests';
const DING_TOKEN = 'ding-access-token';
const WECOM_KEY = 'wecom-robot-key';
const PUBLIC_BASE_URL = 'https://fangquan.example.gov.cn';
const ROBOT_INTERVAL_MS = 500;
const BACKOFF_MS = 1000;
const ATTEMPTS = 3;

interface Call {
  readonly at: number;
  readonly reminderId: string;
  readonly markdown: { title?: string; text?: string; content?: string };
  readonly verified: boolean;
  readonly answer: { errcode: number; errmsg: string };
}

/** DingTalk's check: the sign is the Base64 HMAC-SHA256 of "<timestamp>\n<secret>", the timestamp within an hour. */
function dingTalkSignatureHolds(url: URL): boolean {
  const timestamp = Number(url.searchParams.get('timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000) return false;
  const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
  return url.searchParams.get('sign') === expected && url.searchParams.get('access_token') === DING_TOKEN;
}

/** A robot on loopback: `answer` decides each reply from the reminder and how often it has come. */
function robotServer(
  calls: Call[],
  verify: (url: URL) => boolean,
  textOf: (markdown: Call['markdown']) => string,
  answer: (text: string, attempt: number) => { errcode: number; errmsg: string },
): Server {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://robot');
      const message = JSON.parse(body) as { msgtype: string; markdown: Call['markdown'] };
      const text = textOf(message.markdown);
      const reminderId = /提醒编号：(\S+?)（/.exec(text)?.[1] ?? '?';
      const verified = message.msgtype === 'markdown' && verify(url);
      const attempt = calls.filter((call) => call.reminderId === reminderId).length + 1;
      const reply = verified ? answer(text, attempt) : { errcode: 310000, errmsg: 'sign not match' };
      calls.push({ at: Date.now(), reminderId, markdown: message.markdown, verified, answer: reply });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(reply));
    });
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const OK = { errcode: 0, errmsg: 'ok' };

describe('reminders: DingTalk and WeCom group robots (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;
  let dingtalk: Server;
  let wecom: Server;
  const dingCalls: Call[] = [];
  const wecomCalls: Call[] = [];

  beforeAll(async () => {
    dingtalk = robotServer(
      dingCalls,
      dingTalkSignatureHolds,
      (markdown) => markdown.text ?? '',
      (text, attempt) => {
        if (text.includes('RB-DOWN')) return { errcode: -1, errmsg: 'system busy' };
        if (text.includes('RB-BUSY') && attempt === 1) return { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' };
        return OK;
      },
    );
    wecom = robotServer(
      wecomCalls,
      (url) => url.searchParams.get('key') === WECOM_KEY,
      (markdown) => markdown.content ?? '',
      (text, attempt) => (text.includes('RB-BUSY') && attempt === 1 ? { errcode: 45009, errmsg: 'api freq out of limit' } : OK),
    );
    const [dingPort, wecomPort] = await Promise.all([listen(dingtalk), listen(wecom)]);
    t = await startTestApp({
      env: {
        DINGTALK_WEBHOOK_URL: `http://127.0.0.1:${dingPort}/robot/send?access_token=${DING_TOKEN}`,
        DINGTALK_SECRET: SECRET,
        WECOM_WEBHOOK_URL: `http://127.0.0.1:${wecomPort}/cgi-bin/webhook/send?key=${WECOM_KEY}`,
        PUBLIC_BASE_URL,
        ROBOT_INTERVAL: `${ROBOT_INTERVAL_MS}ms`,
        DELIVERY_ATTEMPTS: String(ATTEMPTS),
        DELIVERY_BACKOFF: `${BACKOFF_MS}ms`,
        REMINDER_STEPS: '60s',
        REMINDER_REPEAT: '60s',
      },
    });
    world = await createWorld(t, 'robots');
    for (const code of ['RB-OK', 'RB-BUSY', 'RB-DOWN'])
      await registerPower(world, { code, certifiedOfficers: 0, equipment: [{ kind: 'body-camera', quantity: 2 }] });
  });

  afterAll(async () => {
    await t?.close();
    for (const server of [dingtalk, wecom]) {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    }
  });

  /** The robot deliveries of a handover's gap reminder and of the township's notice of it. */
  async function robotDeliveries(handoverId: string): Promise<Map<string, DeliveryView[]>> {
    const response = await world.office.client.get(`/api/v1/handovers/${handoverId}/reminders`);
    expectStatus(response, 200);
    const reminders = response.body as { id: string; deliveries: DeliveryView[] }[];
    return new Map(
      reminders.map((reminder) => [reminder.id, reminder.deliveries.filter((d) => d.channel === 'dingtalk' || d.channel === 'wecom')]),
    );
  }

  /** Waits until the handover's two reminders each have both robot deliveries matching `settled`. */
  function settled(handoverId: string, what: string, done: (rows: DeliveryView[]) => boolean, timeoutMs = 15_000) {
    return eventually(
      what,
      async () => {
        const all = await robotDeliveries(handoverId);
        const rows = [...all.values()];
        return rows.length === 2 && rows.every((pair) => pair.length === 2 && done(pair)) ? all : undefined;
      },
      timeoutMs,
    );
  }

  it('posts a reminder to DingTalk signed with the secret and to WeCom, as Chinese markdown linking to the handover', async () => {
    const handover = await recordHandover(world, 'RB-OK');
    const all = await settled(handover.id, 'both robots to take both reminders', (rows) => rows.every((d) => d.status === 'delivered'));
    const gapId = [...all.keys()].find((id) => id.startsWith('gap.'));
    expect(gapId).toBeDefined();
    expect([...all.keys()].sort()).toEqual([gapId, recordingNoticeId(handover.id)].sort());
    for (const rows of all.values()) {
      expect(rows).toEqual([
        {
          channel: 'dingtalk',
          recipient: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/robot\/send$/),
          status: 'delivered',
          attempts: 1,
          lastError: null,
          updatedAt: expect.any(String),
        },
        {
          channel: 'wecom',
          recipient: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/cgi-bin\/webhook\/send$/),
          status: 'delivered',
          attempts: 1,
          lastError: null,
          updatedAt: expect.any(String),
        },
      ]);
    }

    const ding = dingCalls.filter((call) => call.reminderId === gapId);
    expect(ding.map((call) => [call.verified, call.answer.errcode])).toEqual([[true, 0]]);
    const power = '巡查事项 RB-OK（RB-OK）';
    expect(ding[0]?.markdown.title).toBe(`【提醒】${world.townshipName}承接「${power}」尚缺 1 项履职条件`);
    const text = ding[0]?.markdown.text ?? '';
    expect(text).toContain('· 执法装备「body-camera」：需 2，现有 0，缺 2（责任：县级统筹部门）');
    expect(text).toContain(`[在放权平台查看](${PUBLIC_BASE_URL}/handovers/${handover.id})`);
    const content = wecomCalls.find((call) => call.reminderId === gapId)?.markdown.content ?? '';
    expect(content).toContain(`### 【提醒】${world.townshipName}承接「${power}」尚缺 1 项履职条件`);
    expect(content).toContain('· 执法装备「body-camera」：需 2，现有 0，缺 2（责任：县级统筹部门）');
    const notice = dingCalls.find((call) => call.reminderId === recordingNoticeId(handover.id));
    expect(notice?.markdown.title).toBe(`【新下放】「${power}」已下放至${world.townshipName}，待承接确认`);
    expect(notice?.markdown.text).toContain(`提醒对象：${world.township.username}`);
  });

  it('retries a robot’s rate-limit answer (errcode 130101 / 45009), records the code, and delivers the reminder once', async () => {
    const handover = await recordHandover(world, 'RB-BUSY');
    const pending = await settled(handover.id, 'the rate-limit answers recorded on pending deliveries', (rows) =>
      rows.every((d) => d.status === 'pending' && d.attempts === 1),
    );
    for (const [dingRow, wecomRow] of pending.values()) {
      expect(dingRow?.lastError).toBe('DingTalk robot refused: errcode 130101 (send too fast, exceed 20 times per minute)');
      expect(wecomRow?.lastError).toBe('WeCom robot refused: errcode 45009 (api freq out of limit)');
    }
    const delivered = await settled(handover.id, 'the retries to be taken', (rows) => rows.every((d) => d.status === 'delivered'));
    for (const rows of delivered.values()) for (const row of rows) expect(row).toMatchObject({ attempts: 2, lastError: null });

    for (const [calls, limited] of [
      [dingCalls, 130101],
      [wecomCalls, 45009],
    ] as const) {
      for (const reminderId of delivered.keys()) {
        const mine = calls.filter((call) => call.reminderId === reminderId);
        expect(mine.map((call) => call.answer.errcode)).toEqual([limited, 0]);
        expect(mine.every((call) => call.verified)).toBe(true);
      }
    }
    // A robot that says it is throttled gets nothing more from Fangquan for DELIVERY_BACKOFF.
    const busy = dingCalls.filter((call) => delivered.has(call.reminderId));
    const firstRefusal = busy.find((call) => call.answer.errcode === 130101);
    const next = dingCalls.find((call) => firstRefusal !== undefined && call.at > firstRefusal.at);
    expect(next!.at - firstRefusal!.at).toBeGreaterThanOrEqual(BACKOFF_MS - 50);
  });

  it('leaves a robot that keeps failing in the failed state after the configured attempts, without holding the other robot', async () => {
    const handover = await recordHandover(world, 'RB-DOWN');
    const wecomFirst = await eventually(
      'WeCom to take both reminders',
      async () => {
        const rows = [...(await robotDeliveries(handover.id)).values()];
        return rows.length === 2 && rows.every((pair) => pair.find((d) => d.channel === 'wecom')?.status === 'delivered')
          ? rows
          : undefined;
      },
      10_000,
    );
    // DingTalk is still being retried when WeCom has taken both.
    for (const pair of wecomFirst) expect(pair.find((d) => d.channel === 'dingtalk')?.status).toBe('pending');

    const failed = await settled(
      handover.id,
      'DingTalk to end failed',
      (rows) => rows.find((d) => d.channel === 'dingtalk')?.status === 'failed',
      20_000,
    );
    for (const [reminderId, rows] of failed) {
      expect(rows.find((d) => d.channel === 'dingtalk')).toMatchObject({
        status: 'failed',
        attempts: ATTEMPTS,
        lastError: 'DingTalk robot refused: errcode -1 (system busy)',
      });
      expect(rows.find((d) => d.channel === 'wecom')).toMatchObject({ status: 'delivered', attempts: 1 });
      expect(dingCalls.filter((call) => call.reminderId === reminderId)).toHaveLength(ATTEMPTS);
    }
    // Its inbox delivery was never in question.
    const inbox = await world.township.client.get('/api/v1/inbox');
    expect((inbox.body as { handoverId: string }[]).some((item) => item.handoverId === handover.id)).toBe(true);
  });

  it('spaces the messages to each robot by ROBOT_INTERVAL, retries included', () => {
    for (const calls of [dingCalls, wecomCalls]) {
      expect(calls.length).toBeGreaterThan(6);
      const gaps = calls.slice(1).map((call, index) => call.at - (calls[index]?.at ?? 0));
      // The limit holds from when a job starts; the POST follows a read of the reminder, so allow some jitter.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(ROBOT_INTERVAL_MS - 200);
    }
  });
});
