import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { verifyWebhookSignature } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createWorld,
  type DeliveryView,
  eventually,
  expectStatus,
  readBody,
  recordHandover,
  registerPower,
  type World,
} from './support/reminder-world';

/**
 * The outside channels: a webhook receiver that fails the first two deliveries with 500 gets the
 * reminder on the third, signed; a receiver that hangs times out and is retried without holding the
 * other deliveries, and ends failed; a local SMTP server receives a well-formed Chinese e-mail, and a
 * mailbox it refuses is recorded as a failed delivery with the server's reply.
 */
const SECRET = 'webhook-secret-for-tests';

interface Received {
  readonly reminderId: string;
  readonly attempt: number;
  readonly verified: boolean;
  readonly body: { kind: string; power: { code: string; name: string | null }; township: string | null; gaps: unknown[] | null };
}

describe('reminders: webhook and e-mail (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;
  let webhook: Server;
  let smtp: SMTPServer;
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const hanging: string[] = [];
  const mails: { to: string[]; mail: ParsedMail }[] = [];

  beforeAll(async () => {
    webhook = createServer((request, response) => {
      void readBody(request).then((text) => {
        const reminderId = String(request.headers['x-fangquan-delivery']);
        const body = JSON.parse(text) as Received['body'];
        if (body.power.code === 'XC-HANG') {
          hanging.push(reminderId);
          return; // never answers
        }
        const attempt = (attempts.get(reminderId) ?? 0) + 1;
        attempts.set(reminderId, attempt);
        const verified = verifyWebhookSignature(
          SECRET,
          {
            timestamp: request.headers['x-fangquan-timestamp'] as string | undefined,
            signature: request.headers['x-fangquan-signature'] as string | undefined,
          },
          text,
          Math.floor(Date.now() / 1000),
        );
        received.push({ reminderId, attempt, verified, body });
        response.statusCode = attempt <= 2 ? 500 : 200;
        response.end(attempt <= 2 ? 'not now' : 'ok');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('refuse@')) {
          const error = Object.assign(new Error('5.1.1 Mailbox unavailable: no such user'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream, (error, mail) => {
          if (!error) mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          callback(error ?? null);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const webhookPort = (webhook.address() as AddressInfo).port;
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({
      env: {
        WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hooks/fangquan?token=abc`,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_TIMEOUT: '1s',
        DELIVERY_ATTEMPTS: '4',
        DELIVERY_BACKOFF: '200ms',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'reminders@fangquan.example',
        MAIL_TO: 'office@county.example,refuse@county.example',
        REMINDER_STEPS: '60s',
        REMINDER_REPEAT: '60s',
      },
    });
    world = await createWorld(t, 'channels');
    await registerPower(world, { code: 'XC-HANG', certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }] });
    await registerPower(world, { code: 'XC-MAIL', certifiedOfficers: 0, equipment: [{ kind: 'body-camera', quantity: 2 }] });
  });

  afterAll(async () => {
    await t?.close();
    webhook?.closeAllConnections();
    await new Promise((resolve) => webhook?.close(resolve));
    await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
  });

  async function deliveries(handoverId: string): Promise<DeliveryView[]> {
    const response = await world.office.client.get(`/api/v1/handovers/${handoverId}/reminders`);
    expectStatus(response, 200);
    // The gap reminder's (the township's notice of the new handover goes out beside it).
    const gap = (response.body as { kind: string; deliveries: DeliveryView[] }[]).find((reminder) => reminder.kind === 'gap');
    return gap?.deliveries ?? [];
  }

  it('retries a failing webhook with back-off until it takes the signed reminder; a hanging one times out without holding the others', async () => {
    const hung = await recordHandover(world, 'XC-HANG');
    await eventually('the hanging receiver to be called', async () => (hanging.length > 0 ? true : undefined), 5000);
    const normal = await recordHandover(world, 'XC-MAIL');

    const delivered = await eventually(
      'the webhook delivery on the third attempt',
      async () => {
        const webhookRow = (await deliveries(normal.id)).find((d) => d.channel === 'webhook');
        return webhookRow?.status === 'delivered' ? webhookRow : undefined;
      },
      8000,
    );
    expect(delivered).toMatchObject({
      recipient: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/fangquan$/),
      attempts: 3,
      lastError: null,
    });
    const calls = received.filter((call) => call.body.power.code === 'XC-MAIL' && call.body.kind === 'gap');
    expect(calls.map((call) => [call.attempt, call.verified])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(calls[2]?.body).toMatchObject({
      kind: 'gap',
      township: world.townshipName,
      power: { code: 'XC-MAIL', name: '巡查事项 XC-MAIL' },
    });
    // Meanwhile the hanging receiver's delivery was still being tried.
    expect((await deliveries(hung.id)).find((d) => d.channel === 'webhook')?.status).not.toBe('delivered');

    const failed = await eventually(
      'the hanging delivery to end failed',
      async () => {
        const row = (await deliveries(hung.id)).find((d) => d.channel === 'webhook');
        return row?.status === 'failed' ? row : undefined;
      },
      12_000,
    );
    expect(failed).toMatchObject({ attempts: 4, lastError: 'webhook did not answer within 1000 ms' });
    // Four attempts of each of the handover's two reminders (its gap, the township's notice of it), once the notice's have ended too.
    expect(hanging.filter((id) => id.includes(`gap.${hung.id}`))).toHaveLength(4);
    await eventually(
      'the notice’s hanging delivery to end failed',
      async () => {
        const response = await world.office.client.get(`/api/v1/handovers/${hung.id}/reminders`);
        const rows = (response.body as { deliveries: DeliveryView[] }[]).flatMap((reminder) => reminder.deliveries);
        const webhooks = rows.filter((d) => d.channel === 'webhook');
        return webhooks.length === 2 && webhooks.every((d) => d.status === 'failed') ? true : undefined;
      },
      12_000,
    );
    expect(hanging).toHaveLength(8);
  });

  it('e-mails a well-formed Chinese message, and records a refusing mailbox as failed with the server’s reply', async () => {
    const handover = await recordHandover(world, 'XC-MAIL');
    const message = await eventually(
      'the e-mail',
      async () => mails.find((m) => m.mail.headers.get('x-fangquan-reminder')?.toString().includes(`gap.${handover.id}`)),
      6000,
    );
    expect(message.to).toEqual(['office@county.example']);
    expect(message.mail.from?.text).toBe('reminders@fangquan.example');
    expect(message.mail.subject).toBe(`【提醒】${world.townshipName}承接「巡查事项 XC-MAIL（XC-MAIL）」尚缺 1 项履职条件`);
    expect(message.mail.text).toContain('执法装备「body-camera」：需 2，现有 0，缺 2（责任：县级统筹部门）');
    expect(message.mail.messageId).toMatch(/^<gap\..+@fangquan>$/);

    const rows = await eventually(
      'the e-mail deliveries to settle',
      async () => {
        const emails = (await deliveries(handover.id)).filter((d) => d.channel === 'email');
        return emails.length === 2 && emails.every((d) => d.status !== 'pending') ? emails : undefined;
      },
      6000,
    );
    expect(rows).toEqual([
      expect.objectContaining({ recipient: 'office@county.example', status: 'delivered', attempts: 1, lastError: null }),
      expect.objectContaining({
        recipient: 'refuse@county.example',
        status: 'failed',
        attempts: 1,
        lastError: expect.stringMatching(/550.*Mailbox unavailable/),
      }),
    ]);
  });
});
