/**
 * The framework registry. Adding a framework is adding its data file and one line to FRAMEWORKS.
 * Nothing here runs at import time beyond building constant data.
 */
import type { Framework } from '../types';
import { SPBE2018 } from './spbe2018';
import { SPBE2020 } from './spbe2020';
import { PEMDI2026 } from './pemdi2026';

export { SPBE2018, SPBE2020, PEMDI2026 };

/** All known frameworks, oldest first. */
export const FRAMEWORKS: ReadonlyArray<Framework> = [SPBE2018, SPBE2020, PEMDI2026];

/** Words that may surround a regulation number: "PermenPANRB", "Peraturan Menteri PAN-RB Nomor", "No.", "Tahun". */
const REGULATION_WORDS =
  /\b(?:peraturan|menteri|permen\s*-?\s*pan\s*-?\s*rb|permenpan|permen|pan\s*-?\s*rb|panrb|pan|rb|nomor|nomer|no|tahun|thn|th)\b\.?/g;

function compact(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * The framework named by `text`: its id in any case and spacing ("SPBE2020", "spbe-2020"), or its
 * regulation ("59/2020", "59 2020", "PermenPANRB 59/2020", "Nomor 59 Tahun 2020",
 * "Peraturan Menteri PANRB Nomor 59 Tahun 2020"). Null when nothing matches.
 */
export function getFramework(text: string): Framework | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const id = compact(trimmed);
  for (const fw of FRAMEWORKS) if (compact(fw.id) === id) return fw;

  const rest = trimmed.toLowerCase().replace(REGULATION_WORDS, ' ');
  const m = /^[\s,.:]*(\d{1,3})\s*(?:\/|\s|-|,)\s*(\d{4})[\s.]*$/.exec(rest);
  if (!m) return null;
  const number = parseInt(m[1], 10);
  const year = parseInt(m[2], 10);
  for (const fw of FRAMEWORKS) {
    const [n, y] = fw.regulation.number.split('/');
    if (parseInt(n, 10) === number && parseInt(y, 10) === year) return fw;
  }
  return null;
}
