import { jsonDepth, queryDefects } from './request-edge';

describe('jsonDepth', () => {
  const depth = (text: string) => jsonDepth(Buffer.from(text));

  it('counts nested arrays and objects, not brackets inside strings', () => {
    expect(depth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(depth('{"a":"[[[{{{"}')).toBe(1);
    expect(depth('{"a":"say \\"[[[\\" twice","b":[[]]}')).toBe(3);
    expect(depth('"text"')).toBe(0);
  });

  it('stops reading past the limit', () => {
    expect(jsonDepth(Buffer.from('['.repeat(10_000)), 32)).toBe(33);
  });
});

describe('queryDefects', () => {
  it('names parameters that do not decode to text', () => {
    expect(queryDefects('status=recorded&page=2')).toEqual([]);
    expect(queryDefects('q=%E4%B8%AD+%E6%96%87')).toEqual([]);
    expect(queryDefects('status=a%00b&teamId=%ED%A0%80&x=%E0%A4%A').map((e) => e.field)).toEqual(['status', 'teamId', 'x']);
    expect(queryDefects('%00=1').map((e) => e.field)).toEqual(['query']);
  });
});
