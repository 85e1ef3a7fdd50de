import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with a random salt and the parameters, and verifies', async () => {
    const a = await hasher.hash('correct horse');
    const b = await hasher.hash('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('correct horse');
    await expect(hasher.verify('correct horse', a)).resolves.toBe(true);
    await expect(hasher.verify('correct horsE', a)).resolves.toBe(false);
  });

  it('refuses malformed or out-of-bounds hashes without throwing', async () => {
    await expect(hasher.verify('x', '')).resolves.toBe(false);
    await expect(hasher.verify('x', 'scrypt$3$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==')).resolves.toBe(false);
    await expect(hasher.verify('x', 'scrypt$2147483648$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==')).resolves.toBe(false);
  });
});
