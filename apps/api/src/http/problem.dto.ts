import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldErrorCode, type ProblemCode } from './problem-codes';

/** One bad field of a 400, as the OpenAPI document describes it. */
export class FieldErrorDto {
  @ApiProperty({ example: 'requirements.equipment[0].kind', description: 'Path of the field: `a.b[0].c`' })
  field!: string;

  @ApiProperty({
    enum: FIELD_ERROR_CODES,
    enumName: 'FieldErrorCode',
    example: 'unknown-equipment-kind',
    description: 'Stable; translate this',
  })
  code!: FieldErrorCode;

  @ApiProperty({
    example: "'bodycam' is not one of the county's equipment kinds",
    description: 'English, for people reading the raw answer',
  })
  message!: string;
}

/** Every refusal of the API (RFC 9457, `application/problem+json`), as the OpenAPI document describes it. */
export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/validation-failed', description: '`/problems/<code>`' })
  type!: string;

  @ApiProperty({ example: 'The request is invalid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'Invalid field: requirements.equipment[0].kind', description: 'English, for people reading the raw answer' })
  detail!: string;

  @ApiProperty({
    enum: PROBLEM_CODES,
    enumName: 'ProblemCode',
    example: 'validation-failed',
    description: 'Stable machine code (the slug of `type`); translate this. For 409 business rules, the rule',
  })
  code!: ProblemCode;

  @ApiPropertyOptional({ type: FieldErrorDto, isArray: true, description: 'On 400: every bad field' })
  errors?: FieldErrorDto[];
}
