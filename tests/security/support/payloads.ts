import fc from 'fast-check';

/**
 * Generated hostile payloads for any boundary: wrong types, huge strings, `__proto__` / `constructor` /
 * `prototype` keys (as own keys, the way JSON.parse makes them), deep nesting, and near-misses of a valid
 * value (one field replaced, one key added).
 */
export const POLLUTION_MARK = 'confbarPolluted';

const sneakyKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  POLLUTION_MARK,
  'toString',
  'apiKey',
);

/** `{"__proto__": {"confbarPolluted": …}}` and friends, parsed so `__proto__` is an own key. */
export const pollution = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 1 }))
  .map(([key, value]) =>
    JSON.parse(
      key === '__proto__'
        ? `{"__proto__":{"${POLLUTION_MARK}":${JSON.stringify(value ?? 1)}}}`
        : `{"${key}":{"prototype":{"${POLLUTION_MARK}":1}}}`,
    ),
  );

// Built once: past every max() in the contract (2,000 characters, 1 MB for a CSV), and at a size that
// would hurt if anything copied it per character.
const HUGE = ['9'.repeat(3_000), 'a'.repeat(70_000), '\u{1F600}'.repeat(550_000), 'x'.repeat(1_100_000)];
export const hugeString = fc.constantFrom(...HUGE);

function nested(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
// Built once too; shared between runs, which is safe because nothing may mutate a payload.
export const deepNesting = fc.constantFrom(nested(64), nested(1_000), nested(5_000));

export const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
  fc.constant(Number.NaN),
  fc.bigInt().map((b) => b),
  fc.constant(Symbol('s')),
  fc.constant(() => 1),
  fc.constant(new Date(0)),
  fc.constant(new Map([['a', 1]])),
);

export const anythingHostile = fc.anything({
  key: fc.oneof(fc.string({ maxLength: 12 }), sneakyKey),
  maxDepth: 3,
  maxKeys: 5,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** Near-misses of a valid value: one field set to something hostile, or one extra key. */
export function nearMiss<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  const hostileValue = fc.oneof(wrongType, hugeString, pollution, deepNesting, anythingHostile);
  return fc
    .tuple(valid, hostileValue, fc.oneof(sneakyKey, fc.string({ maxLength: 8 })), fc.nat())
    .map(([base, value, extraKey, pick]) => {
      if (typeof base !== 'object' || base === null) return value;
      const keys = Object.keys(base);
      const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
      if (keys.length > 0 && pick % 2 === 0) copy[keys[pick % keys.length]!] = value;
      else
        Object.defineProperty(copy, extraKey, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return copy;
    });
}

/** The mix every fuzzed boundary gets: a share of valid values, the rest hostile. */
export function payloads<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 6, arbitrary: nearMiss(valid) },
    { weight: 2, arbitrary: anythingHostile },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: fc.oneof(hugeString, deepNesting) },
  );
}

/** Throws when a payload managed to change Object.prototype (or left the mark on a fresh object). */
export function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  if (POLLUTION_MARK in probe || Object.prototype.hasOwnProperty.call(Object.prototype, POLLUTION_MARK)) {
    throw new Error('prototype pollution: Object.prototype gained a property from a payload');
  }
  if (
    typeof probe.toString !== 'function' ||
    (Object.prototype as { constructor: unknown }).constructor !== Object
  ) {
    throw new Error('prototype pollution: Object.prototype was changed');
  }
}
