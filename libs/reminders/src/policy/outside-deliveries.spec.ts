import { hasOutsideChannels, outsideDeliveries, type OutsideChannels } from './outside-deliveries';
import { deliveryJobId } from './reminder-ids';

const none: OutsideChannels = {
  webhookUrl: undefined,
  smtpUrl: undefined,
  mailTo: [],
  dingtalkWebhookUrl: undefined,
  wecomWebhookUrl: undefined,
};
const robots: OutsideChannels = {
  ...none,
  dingtalkWebhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=secret-token',
  wecomWebhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key',
};

describe('outside deliveries', () => {
  it('posts a reminder to each configured robot, named by its URL without the credential in the query', () => {
    const { rows, jobs } = outsideDeliveries(robots, 'gap.h.1.0', []);
    expect(rows).toEqual([
      { channel: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send', label: 'https://oapi.dingtalk.com/robot/send' },
      {
        channel: 'wecom',
        target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
        label: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
      },
    ]);
    expect(jobs.map((job) => job.id)).toEqual([
      deliveryJobId('gap.h.1.0', 'dingtalk', 'https://oapi.dingtalk.com/robot/send'),
      deliveryJobId('gap.h.1.0', 'wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send'),
    ]);
    expect(JSON.stringify(jobs)).not.toMatch(/secret/);
    expect(outsideDeliveries({ ...none, wecomWebhookUrl: robots.wecomWebhookUrl }, 'gap.h.1.0', []).rows.map((row) => row.channel)).toEqual(
      ['wecom'],
    );
  });

  it('sends every reminder through the worker when any outside channel, a robot included, is configured', () => {
    expect(hasOutsideChannels(none)).toBe(false);
    expect(hasOutsideChannels({ ...none, dingtalkWebhookUrl: robots.dingtalkWebhookUrl })).toBe(true);
    expect(hasOutsideChannels({ ...none, wecomWebhookUrl: robots.wecomWebhookUrl })).toBe(true);
    expect(hasOutsideChannels({ ...none, smtpUrl: 'smtp://localhost' })).toBe(true);
  });
});
