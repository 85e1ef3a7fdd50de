import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { reminderMessage, type ReminderContent } from '../policy/reminder-message';

interface SmtpError {
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

/**
 * E-mails a reminder through SMTP_URL (nodemailer): a Chinese subject and plain-text body naming the
 * township, the power and what is missing. A refusal is a failed attempt carrying the server's reply;
 * a permanent one (5xx) is not retried.
 */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(address: string, content: ReminderContent): Promise<void> {
    const { subject, text } = reminderMessage(content);
    try {
      await this.transporter().sendMail({
        from: this.config.mailFrom,
        to: address,
        subject,
        text,
        messageId: `<${content.reminderId}@fangquan>`,
        headers: { 'X-Fangquan-Reminder': content.reminderId },
      });
    } catch (error) {
      const smtp = error as SmtpError;
      const reply = smtp.response ?? smtp.message ?? String(error);
      if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500) throw new UnrecoverableError(`SMTP server refused: ${reply}`);
      throw new Error(typeof smtp.responseCode === 'number' ? `SMTP server refused: ${reply}` : `SMTP: ${reply}`, { cause: error });
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    const url = this.config.smtpUrl;
    if (url === undefined) throw new UnrecoverableError('SMTP_URL is not set');
    this.transport ??= createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    return this.transport;
  }
}
