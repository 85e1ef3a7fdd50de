import { parseIfMatch } from './if-match';
import { ProblemException } from './problem';

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
  ])('reads %s as version %d', (header, version) => expect(parseIfMatch(header)).toBe(version));

  it('is optional', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('refuses anything else with a 400 naming the header', () => {
    try {
      parseIfMatch('"abc"');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problemDetails).toMatchObject({ status: 400, errors: [{ field: 'If-Match' }] });
    }
  });
});
