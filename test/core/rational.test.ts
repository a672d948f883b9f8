import {
  add, ceil, cmp, div, eq, floor, fromDecimalString, fromNumber, mul, R0, R1, rational, roundHalfUp, sub, sum,
  toFixed, toNumber, toRoundedNumber,
} from '../../src/core/rational';

const r = (text: string) => {
  const v = fromDecimalString(text);
  if (!v) throw new Error(`not a decimal: ${text}`);
  return v;
};

describe('the 2.595 rounding trap', () => {
  test('binary floating point misrounds x.xx5 values, so the project never uses Math.round(x * 100)', () => {
    // The double nearest 2.595 happens to lie just above it, so JS gets this one right by luck…
    expect(Math.round(2.595 * 100)).toBe(260);
    // …but the doubles nearest 1.005, 2.445 and 2.675 lie just below them, and the naive rounding fails:
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(Math.round(2.445 * 100)).toBe(244);
    expect((2.675).toFixed(2)).toBe('2.67');
    // Exact half-up gets every one of them right.
    expect(toFixed(r('1.005'), 2)).toBe('1.01');
    expect(toFixed(fromNumber(2.445)!, 2)).toBe('2.45');
    expect(toFixed(fromNumber(2.675)!, 2)).toBe('2.68');
  });

  test('exact half-up gives 2.60 from the text "2.595" and from the number 2.595', () => {
    expect(eq(roundHalfUp(r('2.595'), 2), rational(260, 100))).toBe(true);
    expect(eq(roundHalfUp(fromNumber(2.595)!, 2), rational(26, 10))).toBe(true);
    expect(toFixed(fromNumber(2.595)!, 2)).toBe('2.60');
    expect(toRoundedNumber(r('2.595'))).toBe(2.6);
    expect(toFixed(r('2.594'), 2)).toBe('2.59');
    expect(toFixed(r('1.005'), 2)).toBe('1.01');
    expect(toFixed(r('3.4985'), 2)).toBe('3.50');
    expect(toFixed(r('1.7975'), 2)).toBe('1.80');
  });
});

describe('rational arithmetic', () => {
  test('parsing keeps the decimal a user sees', () => {
    expect(fromNumber(1.26)).toEqual(rational(126, 100));
    expect(fromNumber(0.1)).toEqual(rational(1, 10));
    expect(fromNumber(3)).toEqual(rational(3));
    expect(fromNumber(NaN)).toBeNull();
    expect(fromNumber(Infinity)).toBeNull();
    expect(r('1e-3')).toEqual(rational(1, 1000));
    expect(r('-2.50')).toEqual(rational(-5, 2));
    expect(fromDecimalString('3,0')).toBeNull();
    expect(fromDecimalString('abc')).toBeNull();
    expect(fromDecimalString('.')).toBeNull();
  });

  test('0.1 + 0.2 is exactly 0.3', () => {
    expect(eq(add(r('0.1'), r('0.2')), r('0.3'))).toBe(true);
    expect(toNumber(add(r('0.1'), r('0.2')))).toBe(0.3);
  });

  test('add, sub, mul, div, cmp, sum normalise', () => {
    expect(sub(r('2.5'), r('0.5'))).toEqual(rational(2));
    expect(mul(rational(2, 3), rational(3, 4))).toEqual(rational(1, 2));
    expect(div(rational(1), rational(3))).toEqual({ num: BigInt(1), den: BigInt(3) });
    expect(rational(2, -4)).toEqual({ num: BigInt(-1), den: BigInt(2) });
    expect(cmp(rational(1, 3), r('0.333'))).toBe(1);
    expect(cmp(r('0.5'), rational(1, 2))).toBe(0);
    expect(sum([R1, R1, rational(1, 2)])).toEqual(rational(5, 2));
    expect(sum([])).toEqual(R0);
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => div(R1, R0)).toThrow(RangeError);
  });

  test('floor and ceil, also of negatives', () => {
    expect(floor(rational(7, 2))).toBe(BigInt(3));
    expect(ceil(rational(7, 2))).toBe(BigInt(4));
    expect(floor(rational(-7, 2))).toBe(BigInt(-4));
    expect(ceil(rational(-7, 2))).toBe(BigInt(-3));
    expect(floor(rational(4))).toBe(BigInt(4));
  });

  test('negative values round half away from zero', () => {
    expect(toFixed(r('-2.595'), 2)).toBe('-2.60');
    expect(toFixed(r('-2.594'), 2)).toBe('-2.59');
    expect(toFixed(r('-0.004'), 2)).toBe('0.00');
    expect(toRoundedNumber(r('-1.005'))).toBe(-1.01);
  });

  test('toFixed pads, uses any decimal separator and any number of digits', () => {
    expect(toFixed(rational(3), 2)).toBe('3.00');
    expect(toFixed(r('0.05'), 2)).toBe('0.05');
    expect(toFixed(r('2.5'), 0)).toBe('3');
    expect(toFixed(r('2.6449'), 3)).toBe('2.645');
    expect(toFixed(r('2.64'), 2, ',')).toBe('2,64');
    expect(toFixed(rational(1, 3), 4)).toBe('0.3333');
    expect(toFixed(rational(2, 3), 2)).toBe('0.67');
  });

  test('toNumber gives the nearest double, exactly for decimals', () => {
    expect(toNumber(r('2.594'))).toBe(2.594);
    expect(toNumber(r('2.595'))).toBe(2.595);
    expect(toNumber(rational(1, 3))).toBe(1 / 3);
    expect(toNumber(rational(-2, 3))).toBe(-2 / 3);
    expect(toNumber(rational(BigInt(10) ** BigInt(30) + BigInt(1), BigInt(10) ** BigInt(30)))).toBe(1);
    expect(toNumber(rational(1, BigInt(10) ** BigInt(50)))).toBe(1e-50);
    expect(toNumber(rational(BigInt(10) ** BigInt(40), 3))).toBe(3.33333333333333333333333e39);
    expect(toNumber(rational(BigInt(-7) * BigInt(10) ** BigInt(25), BigInt(3) * BigInt(10) ** BigInt(24)))).toBe(-70 / 3);
  });
});
