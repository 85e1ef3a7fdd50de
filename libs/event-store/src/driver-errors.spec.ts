import { QueryFailedError } from 'typeorm';
import { isUnavailable, sqlState } from './driver-errors';

function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('driver error classification', () => {
  it('reads the SQLSTATE through TypeORM QueryFailedError', () => {
    expect(sqlState(new QueryFailedError('INSERT', [], pgError('duplicate key', '23505')))).toBe('23505');
  });

  it.each([
    ['terminated backend', pgError('terminating connection due to administrator command', '57P01')],
    ['connection exception', pgError('connection failure', '08006')],
    ['database dropped', pgError('database "x" does not exist', '3D000')],
    ['socket closed', pgError('Connection terminated unexpectedly')],
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5'), { code: 'ECONNREFUSED' })],
    ['pool ended', pgError('Cannot use a pool after calling end on the pool')],
    ['PGlite closed', pgError('PGlite is closed')],
  ])('treats %s as unavailable', (_label, error) => {
    expect(isUnavailable(error)).toBe(true);
    expect(isUnavailable(new QueryFailedError('SELECT 1', [], error))).toBe(true);
  });

  it.each([
    ['unique violation', pgError('duplicate key value', '23505')],
    ['syntax error', pgError('syntax error at or near', '42601')],
    ['plain bug', new TypeError('x is undefined')],
  ])('does not treat %s as unavailable', (_label, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
