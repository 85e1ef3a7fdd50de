import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '@fangquan/platform';

const MIN_SECRET_LENGTH = 32;

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

async function readSecret(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text.length >= MIN_SECRET_LENGTH ? text : undefined;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/**
 * The token signing key: JWT_SECRET, or else a random key generated once and kept in
 * `${DATA_DIR}/jwt-secret` (mode 0600). Several processes starting at once agree on one key: the file
 * is written under a private name and linked into place, which fails for all but the first.
 */
export async function resolveJwtSecret(config: Pick<AppConfig, 'jwtSecret' | 'dataDir'>): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  const existing = await readSecret(file);
  if (existing) return existing;
  await mkdir(config.dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(temporary, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  const secret = await readSecret(file);
  if (!secret)
    throw new Error(`${file} holds no usable signing key (at least ${MIN_SECRET_LENGTH} characters): remove it or set JWT_SECRET`);
  return secret;
}
