/**
 * Exact rational arithmetic on bigint, enough for the index: every SPBE sum is an exact integer
 * in hundredths of a percent, and pemdi2026 decimals are exact decimals. A JS number read from a
 * cell is taken at its shortest decimal spelling (what Excel shows), so 1.26 is 126/100, not the
 * binary double nearest to it.
 */
import type { Rational } from './types';

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TEN = BigInt(10);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a < ZERO) a = -a;
  if (b < ZERO) b = -b;
  while (b !== ZERO) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rational(num: bigint | number, den: bigint | number = 1): Rational {
  let n = typeof num === 'bigint' ? num : BigInt(num);
  let d = typeof den === 'bigint' ? den : BigInt(den);
  if (d === ZERO) throw new RangeError('rational: zero denominator');
  if (d < ZERO) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === ONE || g === ZERO ? { num: n, den: d } : { num: n / g, den: d / g };
}

export const R0: Rational = { num: ZERO, den: ONE };
export const R1: Rational = { num: ONE, den: ONE };

/** Parses a plain decimal string ("2.595", "-1", "1e-3", "3,0" is NOT accepted here). Returns null if not a decimal. */
export function fromDecimalString(text: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const sign = m[1] === '-' ? -ONE : ONE;
  const intPart = m[2] || '0';
  const frac = m[3] || '';
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  let num = BigInt(intPart + frac) * sign;
  let scale = frac.length - exp;
  let den = ONE;
  if (scale > 0) den = TEN ** BigInt(scale);
  else if (scale < 0) num = num * TEN ** BigInt(-scale);
  return rational(num, den);
}

/** The exact decimal a JS number shows as (shortest round-trip spelling). Non-finite numbers give null. */
export function fromNumber(x: number): Rational | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { num: BigInt(x), den: ONE };
  return fromDecimalString(String(x));
}

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === ZERO) throw new RangeError('rational: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

export function cmp(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function eq(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function isInteger(a: Rational): boolean {
  return a.den === ONE;
}

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < ZERO && q * a.den !== a.num ? q - ONE : q;
}

/** Smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num > ZERO && q * a.den !== a.num ? q + ONE : q;
}

/**
 * Rounds half away from zero ("half-up" as Excel's ROUND and the published results do) to `digits`
 * decimals, exactly, and returns the result as a rational with denominator 10^digits.
 */
export function roundHalfUp(a: Rational, digits = 2): Rational {
  const scale = TEN ** BigInt(digits);
  const n = a.num * scale;
  const neg = n < ZERO;
  const abs = neg ? -n : n;
  const q = (abs * BigInt(2) + a.den) / (BigInt(2) * a.den);
  return rational(neg ? -q : q, scale);
}

/** Nearest double. Exact for decimals a double can show, e.g. 2.594 -> 2.594. */
export function toNumber(a: Rational): number {
  if (a.den === ONE) return Number(a.num);
  // Both parts exactly representable: IEEE division is correctly rounded, i.e. the nearest double.
  if (a.den <= MAX_SAFE && a.num <= MAX_SAFE && a.num >= -MAX_SAFE) return Number(a.num) / Number(a.den);
  // Otherwise: an integer quotient with at least 40 significant digits, plus a sticky digit when
  // inexact, parsed once (tiny and huge values keep their magnitude: 1/10^50 -> 1e-50).
  const neg = a.num < ZERO;
  const abs = neg ? -a.num : a.num;
  let k = 40 - (abs.toString().length - a.den.toString().length);
  if (k < 0) k = 0;
  const scaled = abs * TEN ** BigInt(k);
  const q = scaled / a.den;
  const sticky = scaled % a.den !== ZERO;
  return Number(`${neg ? '-' : ''}${q.toString()}${sticky ? '1' : ''}e${-(k + (sticky ? 1 : 0))}`);
}

/** Rounded half-up to `digits` decimals, as a JS number (for display and JSON). */
export function toRoundedNumber(a: Rational, digits = 2): number {
  return toNumber(roundHalfUp(a, digits));
}

/** Fixed-point text with `digits` decimals, rounded half-up: "2.60". */
export function toFixed(a: Rational, digits = 2, decimalSeparator = '.'): string {
  const r = roundHalfUp(a, digits);
  const scale = TEN ** BigInt(digits);
  const neg = r.num < ZERO;
  const abs = neg ? -r.num : r.num;
  // r.den divides scale; bring to scale.
  const scaled = abs * (scale / r.den);
  const s = scaled.toString().padStart(digits + 1, '0');
  const body = digits > 0 ? `${s.slice(0, -digits)}${decimalSeparator}${s.slice(-digits)}` : s;
  return (neg ? '-' : '') + body;
}

export function sum(values: Iterable<Rational>): Rational {
  let acc = R0;
  for (const v of values) acc = add(acc, v);
  return acc;
}
