import { webcrypto } from 'node:crypto';
import { dingTalkSign, signedDingTalkUrl } from './robot-signature';

/** The same signature through WebCrypto: an implementation apart from the one under test. */
async function webCryptoSign(secret: string, timestampMs: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await webcrypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await webcrypto.subtle.sign('HMAC', key, encoder.encode(`${timestampMs}\n${secret}`));
  return Buffer.from(mac).toString('base64');
}

describe('DingTalk robot signature', () => {
  const secret = 'this-is-a-dingtalk-secret';
  const timestamp = 1_700_000_000_000;

  it('is the Base64 HMAC-SHA256 of "<timestamp ms>\\n<secret>" keyed by the secret', async () => {
    // printf '1700000000000\nthis-is-a-dingtalk-secret' | openssl dgst -sha256 -hmac 'this-is-a-dingtalk-secret' -binary | base64
    expect(dingTalkSign(secret, timestamp)).toBe('PZgJygwxZppNWK+Z9smdGE1Jljw8vYaOz8ceeCWq2hg=');
    expect(dingTalkSign('SECother', 1_765_000_000_123)).toBe(await webCryptoSign('SECother', 1_765_000_000_123));
  });

  it('appends the timestamp and the URL-encoded sign to the robot URL, keeping its access token', () => {
    expect(signedDingTalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123', secret, timestamp)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1700000000000&sign=PZgJygwxZppNWK%2BZ9smdGE1Jljw8vYaOz8ceeCWq2hg%3D',
    );
    const url = new URL(signedDingTalkUrl('http://127.0.0.1:9/robot/send', secret, timestamp));
    expect(url.searchParams.get('sign')).toBe('PZgJygwxZppNWK+Z9smdGE1Jljw8vYaOz8ceeCWq2hg=');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
  });
});
