import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const body = JSON.stringify({ id: 'gap.h.1.1.f.0', kind: 'gap' });
  const now = 1_760_000_000;

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const hex = createHmac('sha256', 'secret').update(`${now}.${body}`).digest('hex');
    expect(signWebhook('secret', now, body)).toBe(`sha256=${hex}`);
  });

  it('verifies the signed body, and nothing else', () => {
    const signature = signWebhook('secret', now, body);
    expect(verifyWebhookSignature('secret', { timestamp: String(now), signature }, body, now + 10)).toBe(true);
    expect(verifyWebhookSignature('other', { timestamp: String(now), signature }, body, now)).toBe(false);
    expect(verifyWebhookSignature('secret', { timestamp: String(now), signature }, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature('secret', { timestamp: String(now + 1), signature }, body, now)).toBe(false);
    expect(verifyWebhookSignature('secret', { timestamp: undefined, signature }, body, now)).toBe(false);
  });

  it('refuses a replay of an old delivery', () => {
    const signature = signWebhook('secret', now, body);
    expect(verifyWebhookSignature('secret', { timestamp: String(now), signature }, body, now + 301)).toBe(false);
  });
});
