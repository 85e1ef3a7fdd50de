import { createHmac } from 'node:crypto';

/**
 * DingTalk's 加签 (https://open.dingtalk.com/document/group/custom-robot-access): the Base64 of the
 * HMAC-SHA256, keyed by the robot's secret, of `<timestamp>\n<secret>`, the timestamp in milliseconds.
 * DingTalk refuses a timestamp more than an hour from its clock, so each attempt signs anew.
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot's URL with `timestamp` and the URL-encoded `sign` appended to its query (its `access_token` kept as it is). */
export function signedDingTalkUrl(url: string, secret: string, timestampMs: number): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${timestampMs}&sign=${encodeURIComponent(dingTalkSign(secret, timestampMs))}`;
}
