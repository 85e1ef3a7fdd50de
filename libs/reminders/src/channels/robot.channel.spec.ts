import { redactSecrets } from './robot.channel';

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
