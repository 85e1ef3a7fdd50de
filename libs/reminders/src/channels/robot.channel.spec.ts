import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import { loadAppConfig } from '@fangquan/platform';
import { gapReminderContent } from '../../test/fixtures';
import { redactSecrets, RobotChannel, RobotRateLimitedError } from './robot.channel';

const SECRET = 'SEC-never-in-a-message';
const TOKEN = 'token-never-in-a-message';

describe('robot error messages', () => {
  it('never carry a URL’s query string nor the secret', () => {
    const message =
      'DingTalk robot unreachable: request to https://oapi.dingtalk.com/robot/send?access_token=tok123&timestamp=1&sign=abc%2B failed, secret SECxyz';
    const redacted = redactSecrets(message, ['SECxyz', 'access_token=tok123', undefined]);
    expect(redacted).toBe('DingTalk robot unreachable: request to https://oapi.dingtalk.com/robot/send?… failed, secret …');
    expect(redactSecrets('WeCom robot answered HTTP 400: see http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1 now')).toBe(
      'WeCom robot answered HTTP 400: see http://qyapi.weixin.qq.com/cgi-bin/webhook/send?… now',
    );
  });
});

describe('robot channel', () => {
  let robot: Server;
  let port: number;
  let answer: { status: number; body: string } = { status: 200, body: '{"errcode":0}' };

  beforeAll(async () => {
    robot = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.statusCode = answer.status;
        // A robot that echoes what it was sent, query and all.
        response.end(answer.body.replace('$URL', `http://127.0.0.1:${port}${request.url ?? ''}`));
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    port = (robot.address() as AddressInfo).port;
  });

  afterAll(async () => {
    robot.closeAllConnections();
    await new Promise((resolve) => robot.close(resolve));
  });

  function channel(url: string): RobotChannel {
    return new RobotChannel(loadAppConfig({ DINGTALK_WEBHOOK_URL: url, DINGTALK_SECRET: SECRET, WEBHOOK_TIMEOUT: '2s' }));
  }

  async function failure(send: Promise<void>): Promise<Error> {
    const error = await send.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof Error)) throw new Error('expected the send to fail');
    return error;
  }

  it('tells a rate limit, a permanent refusal and a retryable one apart, by the errcode of an HTTP 200', async () => {
    const send = () => channel(`http://127.0.0.1:${port}/robot/send?access_token=${TOKEN}`).send('dingtalk', gapReminderContent);
    answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
    await expect(send()).resolves.toBeUndefined();
    answer = { status: 200, body: '{"errcode":130101,"errmsg":"send too fast"}' };
    expect(await failure(send())).toBeInstanceOf(RobotRateLimitedError);
    answer = { status: 200, body: '{"errcode":400102,"errmsg":"robot stopped"}' };
    expect(await failure(send())).toBeInstanceOf(UnrecoverableError);
    answer = { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    const retried = await failure(send());
    expect(retried).not.toBeInstanceOf(UnrecoverableError);
    expect(retried.message).toBe('DingTalk robot refused: errcode 310000 (sign not match)');
  });

  it('keeps the token, the sign and the secret out of what it reports', async () => {
    answer = { status: 200, body: `{"errcode":310000,"errmsg":"sign not match for $URL with ${SECRET}"}` };
    const refused = await failure(
      channel(`http://127.0.0.1:${port}/robot/send?access_token=${TOKEN}`).send('dingtalk', gapReminderContent),
    );
    expect(refused.message).toMatch(
      /^DingTalk robot refused: errcode 310000 \(sign not match for http:\/\/127\.0\.0\.1:\d+\/robot\/send\?… with …\)$/,
    );
    answer = { status: 502, body: 'bad gateway at $URL' };
    const proxied = await failure(
      channel(`http://127.0.0.1:${port}/robot/send?access_token=${TOKEN}`).send('dingtalk', gapReminderContent),
    );
    expect(proxied.message).not.toMatch(new RegExp(`${TOKEN}|sign=|timestamp=|${SECRET}`));
    // Nothing listens on port 9 (discard) on loopback: the robot is unreachable.
    const unreachable = await failure(channel(`http://127.0.0.1:9/robot/send?access_token=${TOKEN}`).send('dingtalk', gapReminderContent));
    expect(unreachable.message).toMatch(/^DingTalk robot unreachable/);
    expect(unreachable.message).not.toMatch(new RegExp(`${TOKEN}|sign=|${SECRET}`));
  });

  it('needs its URL configured', async () => {
    const unconfigured = new RobotChannel(loadAppConfig({}));
    expect(await failure(unconfigured.send('wecom', gapReminderContent))).toBeInstanceOf(UnrecoverableError);
  });
});
