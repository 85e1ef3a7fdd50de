import { MulterError } from 'multer';
import { takesUpload, uploadProblem, UPLOAD_MAX_BYTES } from './upload';

describe('uploads', () => {
  it('are taken on the import routes only', () => {
    expect(takesUpload('/powers/import')).toBe(true);
    expect(takesUpload('/duties/import/')).toBe(true);
    expect(takesUpload('/usage/import')).toBe(true);
    expect(takesUpload('/powers')).toBe(false);
    expect(takesUpload('/powers/import/x')).toBe(false);
    expect(takesUpload('/handovers')).toBe(false);
  });

  it("answer multer's refusals as problems with their own codes", () => {
    expect(uploadProblem(new MulterError('LIMIT_FILE_SIZE', 'file'))).toMatchObject({
      status: 413,
      code: 'file-too-large',
      errors: [{ field: 'file', code: 'too-large', message: `must be at most ${UPLOAD_MAX_BYTES} bytes` }],
    });
    expect(uploadProblem(new MulterError('LIMIT_UNEXPECTED_FILE', 'sheet'))).toMatchObject({
      status: 400,
      code: 'malformed-upload',
      errors: [{ field: 'sheet', code: 'malformed-upload' }],
    });
    expect(uploadProblem(new Error('something else'))).toBeUndefined();
    expect(uploadProblem(undefined)).toBeUndefined();
  });
});
