/**
 * How comparison figures are written for people: decimals in the user's notation (Indonesian 2,64),
 * signed changes (+0,12 / -0,45), and lists of indicator numbers with ranges (2, 4, 8–17).
 * Always from the exact value, rounded half-up only here.
 */
import type { Lang, Rational } from './types';
import { eq, roundHalfUp, toFixed } from './rational';

export function decimalSeparator(lang: Lang): string {
  return lang === 'id' ? ',' : '.';
}

/** An exact value rounded half-up to `digits` decimals: "2,64" / "2.64". */
export function decimal(value: Rational, lang: Lang, digits = 2): string {
  return toFixed(value, digits, decimalSeparator(lang));
}

/** With the fewest decimals needed, up to `digits`: 3 → "3", 7/3 → "2,33", 2.5 → "2,5". */
export function compact(value: Rational, lang: Lang, digits = 2): string {
  const sep = decimalSeparator(lang);
  const fixed = decimal(value, lang, digits);
  if (!fixed.includes(sep)) return fixed;
  return fixed.replace(/0+$/, '').replace(new RegExp(`\\${sep}$`), '');
}

/** The exact value to 6 decimals, trailing zeros dropped, "…" when it goes on: -0.505, 2.493333…. */
export function exact(value: Rational, lang: Lang): string {
  const six = roundHalfUp(value, 6);
  const sep = decimalSeparator(lang);
  let s = decimal(six, lang, 6).replace(/0+$/, '');
  if (s.endsWith(sep)) s = s.slice(0, -1);
  return eq(six, value) ? s : `${s}…`;
}

/** A change with its sign, as shown: "+0,12", "-0,45"; "0,00" when it rounds to nothing. */
export function signed(value: Rational, lang: Lang, digits = 2): string {
  const shown = roundHalfUp(value, digits);
  const body = decimal(shown, lang, digits);
  return shown.num > BigInt(0) ? `+${body}` : body;
}

/** Indicator numbers ascending, runs of three or more as a range: [2, 4, 8, 9, 10, 11] → "2, 4, 8–11". */
export function numberList(nos: ReadonlyArray<number>): string {
  const sorted = [...new Set(nos)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(', ');
}
