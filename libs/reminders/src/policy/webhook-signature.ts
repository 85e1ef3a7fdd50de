import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: `X-Fangquan-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with
 * WEBHOOK_SECRET, and `X-Fangquan-Timestamp: <unix seconds>`. The timestamp is signed with the body,
 * so a receiver that refuses old timestamps cannot be fooled by a replayed delivery.
 */
export const SIGNATURE_HEADER = 'X-Fangquan-Signature';
export const TIMESTAMP_HEADER = 'X-Fangquan-Timestamp';
export const DELIVERY_HEADER = 'X-Fangquan-Delivery';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute and compare in constant time, and refuse timestamps further
 * than `toleranceSeconds` from its own clock.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
