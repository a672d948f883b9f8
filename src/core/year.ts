/**
 * The year of an assessment, read from what the user wrote: the sheet's name ("Penilaian 2024", "PM 2023")
 * or the title rows above its table ("LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2024"). The one place
 * that decides it: the reader uses it to take the newest of several assessments in one workbook, and a
 * comparison of two assessments can use it to put them in order.
 *
 * Regulation references are not years of an assessment: "PermenPANRB 59/2020", "Peraturan Menteri PANRB
 * Nomor 59 Tahun 2020", "Perpres 95/2018" are left out before looking. A text naming several years
 * ("2023–2024", "Evaluasi 2024 (data 2023)") gives the latest. Years outside 2000–2099 are not taken (an
 * indicator count or a total is not a year).
 */

export interface AssessmentYear {
  readonly year: number;
  /** Where it was read: the sheet's name (preferred) or a title row above the table. */
  readonly from: 'sheet' | 'title';
}

/** "PermenPANRB 59/2020", "Peraturan Menteri PANRB Nomor 59 Tahun 2020", "Perpres No. 95 Tahun 2018", "UU 11/2008". */
const REGULATION_RE =
  /\b(?:peraturan|permen[\w-]*|perpres|perpu|perda|pergub|perbup|perwal|keppres|kepmen[\w-]*|pp|uu|undang-undang|inpres|se)\b[^()\n]*?\d{1,4}\s*(?:\/|tahun|thn\.?|th\.?)\s*(?:20\d\d|19\d\d)/gi;
// The character before a year may not be a digit, '/', '.' or ',' (no lookbehind: the shipped scripts are ES2017).
const YEAR_RE = /(^|[^\d/.,])(20\d\d)(?!\d)/g;

/** The latest year 2000–2099 a text names outside regulation references, or null. */
export function yearIn(text: string): number | null {
  const clean = text.replace(REGULATION_RE, ' ');
  let best: number | null = null;
  for (const m of clean.matchAll(YEAR_RE)) {
    const y = Number(m[2]);
    if (best === null || y > best) best = y;
  }
  return best;
}

/** The year of the assessment on a sheet: from its name, else from the title rows above its table; null when neither names one. */
export function assessmentYear(sheetName: string, titles: ReadonlyArray<string> = []): AssessmentYear | null {
  const fromName = yearIn(sheetName);
  if (fromName !== null) return { year: fromName, from: 'sheet' };
  let best: number | null = null;
  for (const t of titles) {
    const y = yearIn(t);
    if (y !== null && (best === null || y > best)) best = y;
  }
  return best === null ? null : { year: best, from: 'title' };
}
