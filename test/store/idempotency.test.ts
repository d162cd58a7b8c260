import { canonicalBodyHash, canonicalJson, isValidIdempotencyKey, scopedIdempotencyKey } from '../../src/store/idempotency';

describe('idempotency helpers', () => {
  it.each([
    [{ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[1, 'two', true], '[1,"two",true]'],
  ])('when %j is made canonical, then %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('when two bodies differ only in key order, then they hash alike; a changed value hashes differently', () => {
    expect(canonicalBodyHash({ a: 1, b: 2 })).toBe(canonicalBodyHash({ b: 2, a: 1 }));
    expect(canonicalBodyHash({ a: 1, b: 2 })).not.toBe(canonicalBodyHash({ a: 1, b: 3 }));
    // sha256 of the canonical text '{"a":1}'
    expect(canonicalBodyHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it.each([
    ['order-1001', true],
    ['a'.repeat(255), true],
    ['', false],
    ['has space', false],
    ['ñ', false],
    ['a'.repeat(256), false],
  ])('when the key is %j, then valid is %s', (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });

  it('when the same key comes from two API keys, then the scoped keys differ', () => {
    expect(scopedIdempotencyKey('storefront', 'k')).toBe('storefront k');
    expect(scopedIdempotencyKey(undefined, 'k')).toBe('- k');
  });
});
