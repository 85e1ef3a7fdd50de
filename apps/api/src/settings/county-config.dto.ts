import { ApiProperty } from '@nestjs/swagger';
import { LABEL_MAX, LIST_MAX, TEXT_MAX } from '../http/dto/text';

export class TextLimitsDto {
  @ApiProperty({ example: TEXT_MAX, description: 'Longest free text accepted (names, reasons, legal bases)' })
  text!: number;

  @ApiProperty({ example: LABEL_MAX, description: 'Longest short label accepted (kinds, courses, departments, certificate numbers)' })
  label!: number;

  @ApiProperty({ example: LIST_MAX, description: 'Most lines in one list of a request' })
  list!: number;
}

/** The county's settings that clients show and check against (the server stays the judge). */
export class CountyConfigDto {
  @ApiProperty({ example: 'Asia/Shanghai', description: "The county's IANA time zone: what “today” and every date mean" })
  timeZone!: string;

  @ApiProperty({ example: 180, description: 'A certificate expiring within this many days is announced (certificate-expiry reminders)' })
  certificateNoticeDays!: number;

  @ApiProperty({
    type: Number,
    isArray: true,
    example: [14, 3],
    description: 'Days before a recorded handover takes effect that the township is reminded to answer',
  })
  unansweredNoticeDays!: number[];

  @ApiProperty({ type: TextLimitsDto, description: 'The lengths every request is held to' })
  limits!: TextLimitsDto;
}
