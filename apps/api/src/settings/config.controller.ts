import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { LABEL_MAX, LIST_MAX, TEXT_MAX } from '../http/dto/text';
import { CountyConfigDto } from './county-config.dto';

/** The county's settings for clients, so the web app shows what the server applies instead of a copy of it. */
@ApiTags('config')
@ApiBearerAuth()
@Controller('config')
export class ConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ summary: "The county's settings: time zone, notice periods, text limits" })
  @ApiOkResponse({ type: CountyConfigDto })
  @ApiUnauthorizedResponse({ description: 'No valid token' })
  get(): CountyConfigDto {
    return {
      timeZone: this.config.timeZone,
      certificateNoticeDays: this.config.certificateNoticeDays,
      unansweredNoticeDays: [...this.config.unansweredNoticeDays],
      limits: { text: TEXT_MAX, label: LABEL_MAX, list: LIST_MAX },
    };
  }
}
