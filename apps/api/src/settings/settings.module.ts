import { Module } from '@nestjs/common';
import { ConfigController } from './config.controller';

/** HTTP: the county's settings (GET /config). APP_CONFIG comes from the global PlatformModule. */
@Module({ controllers: [ConfigController] })
export class SettingsModule {}
