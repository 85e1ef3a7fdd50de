import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'supertest';
import { TEST_ADMIN, type AuthorizedClient, type TestApp } from '../../support/test-app';

/**
 * A county for reminder tests, through the HTTP API: a county office (one plain county_admin and one
 * head), the 城市管理局 department, a township with its team and one township user.
 */
export const URBAN = '城市管理局';
export const PASSWORD = 'reminder-password-1';

export interface Gap {
  resource: 'officers' | 'training' | 'equipment';
  item: string;
  required: number;
  available: number;
  missing: number;
  responsible: string;
}

export interface InboxItem {
  id: string;
  handoverId: string;
  kind: 'gap' | 'unanswered' | 'certificate-expiry' | 'gaps-closed';
  gaps?: Gap[];
  step: number;
  createdAt: string;
  readAt: string | null;
}

export interface Person {
  readonly username: string;
  readonly id: string;
  readonly client: AuthorizedClient;
}

export interface World {
  readonly countyId: string;
  readonly townshipId: string;
  readonly townshipName: string;
  readonly teamId: string;
  readonly admin: AuthorizedClient;
  readonly office: Person;
  readonly officeHead: Person;
  readonly urban: Person;
  readonly township: Person;
}

export function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

export async function createWorld(t: TestApp, label = randomBytes(3).toString('hex')): Promise<World> {
  const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
  const county = await admin.post('/api/v1/counties').send({ name: `提醒县-${label}` });
  expectStatus(county, 201);
  const countyId = (county.body as { id: string }).id;
  const townshipName = `西平街道-${label}`;
  const township = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name: townshipName });
  expectStatus(township, 201);
  const { id: townshipId, teamId } = township.body as { id: string; teamId: string };
  const person = async (username: string, body: Record<string, unknown>): Promise<Person> => {
    const created = await admin.post('/api/v1/users').send({ username, password: PASSWORD, countyId, ...body });
    expectStatus(created, 201);
    return { username, id: (created.body as { id: string }).id, client: await t.loginAs(username, PASSWORD) };
  };
  return {
    countyId,
    townshipId,
    townshipName,
    teamId,
    admin,
    office: await person(`office-${label}`, { role: 'county_admin' }),
    officeHead: await person(`head-${label}`, { role: 'county_admin', head: true }),
    urban: await person(`urban-${label}`, { role: 'department', department: URBAN }),
    township: await person(`xp-${label}`, { role: 'township', townshipId }),
  };
}

export interface PowerInput {
  readonly code: string;
  readonly category?: 'penalty' | 'inspection' | 'permit' | 'other';
  readonly certifiedOfficers: number;
  readonly equipment: { kind: string; quantity: number }[];
  readonly training?: { course: string; hours: number }[];
}

export async function registerPower(world: World, power: PowerInput): Promise<void> {
  const response = await world.office.client.post('/api/v1/powers').send({
    code: power.code,
    name: `巡查事项 ${power.code}`,
    category: power.category ?? 'inspection',
    legalBasis: '《城市市容和环境卫生管理条例》',
    department: URBAN,
    requirements: { certifiedOfficers: power.certifiedOfficers, equipment: power.equipment, training: power.training ?? [] },
  });
  expectStatus(response, 201);
}

export async function recordHandover(
  world: World,
  powerCode: string,
  options: { committed?: Record<string, unknown>; effectiveOn?: string } = {},
): Promise<{ id: string; gaps: Gap[] }> {
  const response = await world.office.client.post('/api/v1/handovers').send({
    powerCode,
    teamId: world.teamId,
    mode: 'transfer',
    instrument: '沾政发〔2026〕1号',
    effectiveOn: options.effectiveOn ?? '2026-01-01',
    ...(options.committed === undefined ? {} : { committed: options.committed }),
  });
  expectStatus(response, 201);
  const body = response.body as { id: string; readiness: { gaps: Gap[] } };
  return { id: body.id, gaps: body.readiness.gaps };
}

export async function inboxOf(person: Person): Promise<InboxItem[]> {
  const response = await person.client.get('/api/v1/inbox');
  expectStatus(response, 200);
  return response.body as InboxItem[];
}

/** The person's reminders about one handover, oldest first. */
export async function remindersAbout(person: Person, handoverId: string, kind?: InboxItem['kind']): Promise<InboxItem[]> {
  return (await inboxOf(person)).filter((item) => item.handoverId === handoverId && (kind === undefined || item.kind === kind)).reverse();
}

/** A reminder of a handover as `GET /handovers/:id/reminders` lists it. */
export interface HandoverReminder {
  id: string;
  kind: InboxItem['kind'];
  step: number;
  escalated: boolean;
  recipients: string[];
  deliveries: { channel: string; recipient: string; status: string; attempts: number }[];
}

/** The handover's reminders as the person may see them, oldest first. */
export async function handoverReminders(person: Person, handoverId: string): Promise<HandoverReminder[]> {
  const response = await person.client.get(`/api/v1/handovers/${handoverId}/reminders`);
  expectStatus(response, 200);
  return response.body as HandoverReminder[];
}

/** The id of the township's notice when a handover is recorded: an `unanswered` reminder, apart from the sweep's thresholds (`unanswered.<handover>.<days>`). */
export function recordingNoticeId(handoverId: string): string {
  return `unanswered.${handoverId}.recorded`;
}

/** Polls `check` until it returns a value that is not undefined (or throws after `timeoutMs`). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function historyOf(world: World, handoverId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const response = await world.office.client.get(`/api/v1/handovers/${handoverId}/history`);
  expectStatus(response, 200);
  return response.body as { type: string; data: Record<string, unknown> }[];
}

/** A delivery of a reminder as `GET /handovers/:id/reminders` lists it. */
export interface DeliveryView {
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** The whole body of a request to a local receiver (webhook, robot), as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
