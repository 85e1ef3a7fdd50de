import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@fangquan/identity';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '@fangquan/platform';

export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

/**
 * On start, with ADMIN_PASSWORD set and no user yet, creates the system admin `admin`. Safe when
 * several API processes start at once: the insert checks for users and yields on a username conflict.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.adminPassword;
    if (!password) return;
    const [{ exists }] = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM users) AS "exists"')) as [{ exists: boolean }];
    if (exists) return;
    const passwordHash = await this.hasher.hash(password);
    const inserted = (await this.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, head, created_at)
       SELECT $1, $2, $3, 'admin', false, $4
       WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT (username) DO NOTHING
       RETURNING id`,
      [randomUUID(), BOOTSTRAP_ADMIN_USERNAME, passwordHash, this.clock.now()],
    )) as unknown[];
    if (inserted.length > 0) this.logger.log(`Created the system admin "${BOOTSTRAP_ADMIN_USERNAME}" (ADMIN_PASSWORD)`);
  }
}
