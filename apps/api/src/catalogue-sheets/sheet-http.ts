import { applyDecorators, HttpCode, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { FieldError } from '@fangquan/domain';
import { duplicateValues, readTable, type TableColumn, TableProblemCodes, type TableRow, XLSX_MEDIA_TYPE } from '@fangquan/spreadsheets';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiPropertyOptional,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { problem, ProblemException } from '../http/problem';
import { FieldErrorDto } from '../http/problem.dto';
import { IdempotencyInterceptor } from '../http/idempotency/idempotency.interceptor';
import { SheetUpload } from '../http/upload';
import { booleanText } from '../http/dto/page.query';

export class ImportQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: decide every row and report, write nothing' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/** The upload of an import (multipart/form-data). */
export class SheetUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: '.xlsx workbook or UTF-8 .csv file, at most 5 MB, headers as in the template',
  })
  file!: unknown;
}

/** What an import did (a dry run: would do); `errors` is empty (bad rows are a 400 naming each). */
export class ImportReportDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: FieldErrorDto, isArray: true, example: [], description: 'Always empty: bad rows are a 400 naming each' })
  errors!: FieldErrorDto[];
}

/** `POST <resource>/import`: the county office's upload of one sheet (multipart part `file`), answered with the report. */
export function SheetImportRoute(summary: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    Post('import'),
    Roles('county_admin'),
    HttpCode(200),
    UseInterceptors(SheetUpload, IdempotencyInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: SheetUploadDto }),
    ApiOperation({ summary }),
    ApiOkResponse({ type: ImportReportDto }),
    ApiBadRequestResponse({
      description: 'Not a readable sheet, wrong columns, formulas, merged cells, repeated codes, or bad rows: each named rows[N].<column>',
    }),
    ApiPayloadTooLargeResponse({ description: 'The file is larger than 5 MB' }),
    ApiConflictResponse({ description: 'Items of the file changed meanwhile; nothing was written' }),
  );
}

/**
 * The rows of an uploaded sheet with the given columns, each code once: a missing file, a file that is
 * not a readable sheet, or codes repeated in the file are a 400 naming each bad place.
 */
export async function uploadedRows(file: Express.Multer.File | undefined, columns: readonly TableColumn[]): Promise<TableRow[]> {
  if (file === undefined)
    throw ProblemException.badRequest([{ field: 'file', message: 'is required: send the spreadsheet as the form part "file"' }]);
  const reading = await readTable({ bytes: file.buffer, name: file.originalname }, columns);
  if (!reading.ok) {
    const { code, detail, errors } = reading.refusal;
    throw new ProblemException(problem(400, detail, { errors }, code));
  }
  const duplicates = duplicateValues(reading.rows, 'code');
  if (duplicates.length > 0)
    throw new ProblemException(
      problem(
        400,
        `Codes repeat within the file: ${[...new Set(duplicates.map((error) => error.field))].join(', ')}`,
        { errors: duplicates },
        TableProblemCodes.duplicateCodes,
      ),
    );
  return reading.rows;
}

/** The rows `read` could read, and every bad cell of the others (each named `rows[N].<column>`). */
export function readRows<T>(
  rows: readonly TableRow[],
  read: (row: TableRow) => { ok: true; value: T } | { ok: false; error: FieldError[] },
): { inputs: Array<{ rowNumber: number; input: T }>; rowErrors: FieldError[] } {
  const inputs: Array<{ rowNumber: number; input: T }> = [];
  const rowErrors: FieldError[] = [];
  for (const row of rows) {
    const result = read(row);
    if (result.ok) inputs.push({ rowNumber: row.rowNumber, input: result.value });
    else rowErrors.push(...result.error);
  }
  return { inputs, rowErrors };
}

/** An `.xlsx` download named `fileName` (ASCII fallback and UTF-8 name). */
export function xlsxDownload(bytes: Buffer, fileName: string): StreamableFile {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return new StreamableFile(bytes, {
    type: XLSX_MEDIA_TYPE,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    length: bytes.length,
  });
}
