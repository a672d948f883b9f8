/**
 * Formulas as a file stores them. The model's formulas are in Excel's en-US syntax without "=" (as
 * Office.js `formulas` takes them after "="); a file additionally prefixes the functions added after
 * Excel 2007 with "_xlfn." (and the dynamic-array ones with "_xlfn._xlws."), or Excel shows #NAME?.
 */

const XLWS = new Set(['FILTER', 'SORT']);
const FUTURE = new Set([
  'AGGREGATE', 'ARRAYTOTEXT', 'BYCOL', 'BYROW', 'CEILING.MATH', 'CEILING.PRECISE', 'CHOOSECOLS', 'CHOOSEROWS', 'CONCAT',
  'DAYS', 'DROP', 'EXPAND', 'FILTER', 'FLOOR.MATH', 'FLOOR.PRECISE', 'HSTACK', 'IFNA', 'IFS', 'ISOWEEKNUM', 'LAMBDA', 'LET',
  'MAKEARRAY', 'MAP', 'MAXIFS', 'MINIFS', 'MODE.SNGL', 'NORM.DIST', 'NORM.INV', 'NORM.S.DIST', 'NORM.S.INV', 'PERCENTILE.EXC',
  'PERCENTILE.INC', 'QUARTILE.EXC', 'QUARTILE.INC', 'RANDARRAY', 'RANK.AVG', 'RANK.EQ', 'REDUCE', 'SCAN', 'SEQUENCE', 'SORT',
  'SORTBY', 'STDEV.P', 'STDEV.S', 'SWITCH', 'TAKE', 'TEXTAFTER', 'TEXTBEFORE', 'TEXTJOIN', 'TEXTSPLIT', 'TOCOL', 'TOROW',
  'UNIQUE', 'VALUETOTEXT', 'VAR.P', 'VAR.S', 'VSTACK', 'WRAPCOLS', 'WRAPROWS', 'XLOOKUP', 'XMATCH', 'XOR',
]);

/** Any of the future functions followed by "(" (a quick test: most formulas have none). */
const ANY_FUTURE = new RegExp(`(?:${[...FUTURE].map((n) => n.replace(/\./g, '\\.')).join('|')})\\s*\\(`, 'i');

/** The formula as stored in a file's <f> element (without "=", future functions prefixed). */
export function fileFormula(formula: string): string {
  const f = formula.charCodeAt(0) === 0x3d ? formula.slice(1) : formula;
  if (!ANY_FUTURE.test(f)) return f;
  // Walk the text outside string literals ("…") and quoted sheet names ('…').
  let out = '';
  let i = 0;
  while (i < f.length) {
    const c = f[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < f.length; j++) {
        if (f[j] === c) {
          if (f[j + 1] === c) j++;
          else break;
        }
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(f.slice(i, i + 64));
    if (m && (i === 0 || !/[A-Za-z0-9_.]/.test(f[i - 1]))) {
      const name = m[0].toUpperCase();
      if (FUTURE.has(name)) out += (XLWS.has(name) ? '_xlfn._xlws.' : '_xlfn.') + m[0];
      else out += m[0];
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
