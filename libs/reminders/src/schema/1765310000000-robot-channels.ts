import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries to the DingTalk and WeCom group robots are recorded beside the inbox, webhook and e-mail ones. */
export class RobotChannels1765310000000 implements MigrationInterface {
  readonly name = 'RobotChannels1765310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE reminder_deliveries DROP CONSTRAINT reminder_deliveries_channel_check,
         ADD CONSTRAINT reminder_deliveries_channel_check CHECK (channel IN ('inbox', 'webhook', 'email', 'dingtalk', 'wecom'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM reminder_deliveries WHERE channel IN ('dingtalk', 'wecom')`);
    await runner.query(
      `ALTER TABLE reminder_deliveries DROP CONSTRAINT reminder_deliveries_channel_check,
         ADD CONSTRAINT reminder_deliveries_channel_check CHECK (channel IN ('inbox', 'webhook', 'email'))`,
    );
  }
}
