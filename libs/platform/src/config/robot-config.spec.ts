import { ConfigError, loadAppConfig } from './app-config';

describe('group robot settings', () => {
  it('posts to no robot, links nowhere and spaces messages by 3.2 s unless told', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      dingtalkWebhookUrl: undefined,
      dingtalkSecret: undefined,
      wecomWebhookUrl: undefined,
      reminderLinkBaseUrl: undefined,
    });
    expect(config.robotIntervalMs).toBe(3200);
  });

  it('takes the robots’ URLs, the DingTalk secret, the interval and the public base URL', () => {
    const config = loadAppConfig({
      DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      DINGTALK_SECRET: ' SECabc ',
      WECOM_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      ROBOT_INTERVAL: '4s',
      PUBLIC_BASE_URL: 'https://fangquan.example.gov.cn',
    });
    expect(config).toMatchObject({
      dingtalkWebhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      dingtalkSecret: 'SECabc',
      wecomWebhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      robotIntervalMs: 4000,
      reminderLinkBaseUrl: 'https://fangquan.example.gov.cn',
    });
  });

  it('stops the start on a malformed value, naming the variable', () => {
    expect(() => loadAppConfig({ DINGTALK_WEBHOOK_URL: 'oapi.dingtalk.com/robot/send' })).toThrow(/DINGTALK_WEBHOOK_URL/);
    expect(() => loadAppConfig({ WECOM_WEBHOOK_URL: 'ftp://qyapi.weixin.qq.com/x' })).toThrow(/WECOM_WEBHOOK_URL/);
    expect(() => loadAppConfig({ ROBOT_INTERVAL: 'often' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ PUBLIC_BASE_URL: 'fangquan' })).toThrow(/PUBLIC_BASE_URL/);
  });
});
