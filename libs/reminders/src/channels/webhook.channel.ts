import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { type ReminderContent, webhookPayload } from '../policy/reminder-message';
import { DELIVERY_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../policy/webhook-signature';

/**
 * POSTs a reminder as JSON to the webhook, signed (`X-Fangquan-Signature`, with WEBHOOK_SECRET) over
 * the timestamp and the body. A receiver that does not answer within WEBHOOK_TIMEOUT, or answers
 * other than 2xx, fails the attempt; the job is retried later and never holds the queue.
 */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(url: string, content: ReminderContent): Promise<void> {
    const body = JSON.stringify(webhookPayload(content));
    // Real time, not the application's clock: the receiver compares it with its own against replays.
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'fangquan-reminders',
      [TIMESTAMP_HEADER]: String(timestamp),
      [DELIVERY_HEADER]: content.reminderId,
    };
    if (this.config.webhookSecret !== undefined) headers[SIGNATURE_HEADER] = signWebhook(this.config.webhookSecret, timestamp, body);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new Error(`webhook did not answer within ${this.config.webhookTimeoutMs} ms`, { cause: error });
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new Error(`webhook unreachable${cause || (error instanceof Error ? `: ${error.message}` : '')}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  }
}
