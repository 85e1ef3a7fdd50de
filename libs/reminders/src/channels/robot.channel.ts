import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { robotUrl } from '../policy/outside-deliveries';
import type { Robot } from '../policy/reminder-ids';
import type { ReminderContent } from '../policy/reminder-message';
import { classifyRobotReply, ROBOT_NAMES } from '../policy/robot-reply';
import { robotMessage } from '../policy/robot-message';
import { signedDingTalkUrl } from '../policy/robot-signature';

const URL_VARIABLES: Record<Robot, string> = { dingtalk: 'DINGTALK_WEBHOOK_URL', wecom: 'WECOM_WEBHOOK_URL' };

/** A robot that said it takes no more messages for now: the attempt fails, and its queue holds the others a while. */
export class RobotRateLimitedError extends Error {
  override readonly name = 'RobotRateLimitedError';
}

/**
 * Removes what may hold a credential from a message that is logged or stored: the query string of any
 * URL (a robot's access token or key, DingTalk's `sign`) and the given secrets wherever they appear.
 */
export function redactSecrets(message: string, secrets: readonly (string | undefined)[] = []): string {
  let redacted = message.replace(/(\bhttps?:\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi, '$1?…');
  for (const secret of secrets) if (secret !== undefined && secret.length > 0) redacted = redacted.split(secret).join('…');
  return redacted;
}

/**
 * POSTs a reminder to a group robot as a markdown message (robotMessage): DingTalk's signed with
 * DINGTALK_SECRET when it is set (`timestamp` and `sign` in the query, signed anew at each attempt).
 * The answer decides (classifyRobotReply): `errcode: 0` is delivered; a rate limit throws
 * RobotRateLimitedError, a permanent refusal UnrecoverableError (not retried), anything else an Error
 * (retried). No error message carries the URL's query or the secret.
 */
@Injectable()
export class RobotChannel {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(robot: Robot, content: ReminderContent): Promise<void> {
    const url = robotUrl(this.config, robot);
    if (url === undefined) throw new UnrecoverableError(`${URL_VARIABLES[robot]} is not set`);
    const secret = robot === 'dingtalk' ? this.config.dingtalkSecret : undefined;
    // Real time, not the application's clock: DingTalk refuses a timestamp more than an hour from its own.
    const target = secret === undefined ? url : signedDingTalkUrl(url, secret, Date.now());
    const name = ROBOT_NAMES[robot];
    let status: number;
    let text: string;
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'fangquan-reminders' },
        body: JSON.stringify(robotMessage(robot, content, this.config.reminderLinkBaseUrl)),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
      status = response.status;
      text = await response.text().catch(() => '');
    } catch (error) {
      const errorName = error instanceof Error ? error.name : '';
      if (errorName === 'TimeoutError' || errorName === 'AbortError')
        throw new Error(`${name} did not answer within ${this.config.webhookTimeoutMs} ms`, { cause: error });
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : '';
      throw new Error(this.redact(`${name} unreachable${cause ? `: ${cause}` : ''}`), { cause: error });
    }
    const reply = classifyRobotReply(robot, status, text);
    if (reply.outcome === 'accepted') return;
    const reason = this.redact(reply.reason);
    if (reply.outcome === 'rate-limited') throw new RobotRateLimitedError(reason);
    if (reply.outcome === 'permanent') throw new UnrecoverableError(reason);
    throw new Error(reason);
  }

  private redact(message: string): string {
    const tokens = [this.config.dingtalkWebhookUrl, this.config.wecomWebhookUrl].map((url) =>
      url === undefined ? undefined : new URL(url).search.slice(1),
    );
    return redactSecrets(message, [this.config.dingtalkSecret, ...tokens]);
  }
}
