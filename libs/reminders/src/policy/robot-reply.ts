import type { Robot } from './reminder-ids';

/**
 * What a robot's answer means. Both robots answer HTTP 200 with `{ errcode, errmsg }`, and only
 * `errcode: 0` is a message taken: any other code is a failed attempt with the code in its reason.
 * - `rate-limited` (DingTalk 130101 and 410100, WeCom 45009: over 20 messages a minute): retried with
 *   back-off, and the robot's queue holds its other messages meanwhile;
 * - `permanent` (a robot or token that does not exist or is disabled, a message type or length it
 *   never takes): an administrator must act, so it fails at once, not retried;
 * - `retry`: everything else — HTTP errors, an answer that is not the robot's JSON, server errors
 *   (-1 busy) and codes not known here, among them DingTalk's 310000 (a bad signature, a missing keyword
 *   or a timestamp out of range: a skewed clock or a secret being changed heals, and each attempt signs
 *   anew) — retried with back-off up to DELIVERY_ATTEMPTS, then left failed.
 */
export type RobotReply =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'rate-limited' | 'retry' | 'permanent'; readonly reason: string; readonly errcode?: number };

export const ROBOT_NAMES: Record<Robot, string> = { dingtalk: 'DingTalk robot', wecom: 'WeCom robot' };

/** DingTalk: https://open.dingtalk.com/document/group/custom-robot-access; WeCom: https://developer.work.weixin.qq.com/document/path/91770. */
const RATE_LIMITED: Record<Robot, ReadonlySet<number>> = {
  dingtalk: new Set([130101, 410100]),
  wecom: new Set([45009]),
};
const PERMANENT: Record<Robot, ReadonlySet<number>> = {
  // token does not exist, group dissolved, access_token does not exist, robot disabled, message type not supported, robot does not exist, message too long
  dingtalk: new Set([300001, 400013, 400101, 400102, 400105, 400106, 460101]),
  // invalid message type, invalid webhook URL (the key)
  wecom: new Set([40008, 93000]),
};

const SNIPPET = 200;

export function classifyRobotReply(robot: Robot, httpStatus: number, body: string): RobotReply {
  const name = ROBOT_NAMES[robot];
  if (httpStatus < 200 || httpStatus > 299)
    return { outcome: 'retry', reason: `${name} answered HTTP ${httpStatus}${body ? `: ${body.slice(0, SNIPPET)}` : ''}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const errcode = typeof parsed === 'object' && parsed !== null ? (parsed as { errcode?: unknown }).errcode : undefined;
  if (typeof errcode !== 'number' || !Number.isInteger(errcode))
    return { outcome: 'retry', reason: `${name} answered HTTP ${httpStatus} without an errcode: ${body.slice(0, SNIPPET)}` };
  if (errcode === 0) return { outcome: 'accepted' };
  const errmsg = (parsed as { errmsg?: unknown }).errmsg;
  const reason = `${name} refused: errcode ${errcode}${typeof errmsg === 'string' && errmsg ? ` (${errmsg.slice(0, SNIPPET)})` : ''}`;
  if (RATE_LIMITED[robot].has(errcode)) return { outcome: 'rate-limited', reason, errcode };
  if (PERMANENT[robot].has(errcode)) return { outcome: 'permanent', reason, errcode };
  return { outcome: 'retry', reason, errcode };
}
