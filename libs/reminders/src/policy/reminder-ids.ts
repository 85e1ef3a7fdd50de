import { createHash } from 'node:crypto';

/**
 * Deterministic ids of reminders; each is also the id of the BullMQ job that delivers it, so a
 * replay or a restart that schedules the same reminder again adds nothing. BullMQ refuses ':' in
 * custom ids (unless split into exactly three parts) and integer ids, so the parts are joined with
 * '.', and every id starts with its kind.
 */

/** A step of a gap chain: steps follow time, so each step of an episode is sent once, whatever the gaps do meanwhile. */
export interface GapStep {
  readonly handoverId: string;
  /** Counts the times gaps appeared on the handover (1 for the first). */
  readonly episode: number;
  readonly step: number;
}

export function gapReminderId(step: GapStep): string {
  return safeId(`gap.${step.handoverId}.${step.episode}.${step.step}`);
}

/**
 * The reminder of gaps that grew between two steps: `key` is `r<revision>` for the one due at once
 * (one per change of the chain), `after-<ms>` for the one due at the end of the REMINDER_COALESCE
 * window after the reminder written at that time (every growth within the window shares it).
 */
export function gapUpdateReminderId(handoverId: string, episode: number, key: string): string {
  return safeId(`gap.${handoverId}.${episode}.update.${key}`);
}

/**
 * The township's notice of a handover recorded to its team, awaiting its answer: one per handover. An
 * `unanswered` reminder, with an id of its own beside the thresholds' (`unanswered.<handover>.<days>`).
 */
export function handoverRecordedReminderId(handoverId: string): string {
  return safeId(`unanswered.${handoverId}.recorded`);
}

export function gapsClosedReminderId(handoverId: string, episode: number): string {
  return safeId(`closed.${handoverId}.${episode}`);
}

/** One per handover and threshold (days before the effective date). */
export function unansweredReminderId(handoverId: string, daysBefore: number): string {
  return safeId(`unanswered.${handoverId}.${daysBefore}`);
}

/** One per handover, officer, certificate (its expiry date: a renewed certificate expires later) and threshold. */
export function certificateReminderId(handoverId: string, officerId: string, expiresOn: string, daysBefore: number): string {
  return safeId(`certificate.${handoverId}.${officerId}.${expiresOn}.${daysBefore}`);
}

/** The group robots a reminder is also posted to: DingTalk's and WeCom's (企业微信). */
export const ROBOTS = ['dingtalk', 'wecom'] as const;
export type Robot = (typeof ROBOTS)[number];

export const DELIVERY_CHANNELS = ['inbox', 'webhook', 'email', ...ROBOTS] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** The channels of a `deliveries` or robot queue job (the inbox is written with the reminder). */
export type OutsideChannel = Exclude<DeliveryChannel, 'inbox'>;

export function isRobot(channel: string): channel is Robot {
  return (ROBOTS as readonly string[]).includes(channel);
}

/** The job of one outside delivery: per reminder and channel, and per address for e-mail. */
export function deliveryJobId(reminderId: string, channel: OutsideChannel, recipient: string): string {
  const key = createHash('sha256').update(recipient).digest('hex').slice(0, 16);
  return safeId(`${channel}.${key}.${reminderId}`);
}

/** Throws when `id` could not be a BullMQ custom job id. */
export function safeId(id: string): string {
  if (id.includes(':')) throw new RangeError(`A job id may not contain ':' (${id})`);
  if (/^\d+$/.test(id)) throw new RangeError(`A job id may not be an integer (${id})`);
  return id;
}
