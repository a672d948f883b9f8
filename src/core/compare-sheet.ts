/**
 * The comparison sheet ("Perbandingan" / "Comparison") as a pure SheetModel, with the conventions of the
 * gap sheet (gap-sheet.ts): its own marker name (SPBE_COMPARE_MARKER; a later run replaces only the sheet
 * it marks, never a user's sheet of the same name), text from the workbooks always kept as text, every
 * computed cell a standard formula written with the value it computes (ROUND(…, 9), the cached value the
 * exact result on the cells' own 9-decimal values), and a native column chart of the aspects before and after.
 *
 * Layout (rows 1-based):
 *   1–2      title, the two frameworks
 *   4–12     the two sides (file · sheet · year), both indices with predicates (constants: each side's own
 *            index), the change, the newer framework's index on the old levels (across regulations), the
 *            two effects, the date
 *   14–15    section title, the indicator table header (an Excel table), one row per indicator of the newer
 *            framework: relation, old indicators, weight, before (empty when new), after, change,
 *            contribution, and across regulations the level compared (before, else after) that the index
 *            on the old levels is the SUMPRODUCT of
 *   …        aspects and domains (SUMPRODUCT over the table; before from the matched levels), the top movers
 *            (linked to the table), the indicators no longer assessed, the notes and the transition preview
 *
 * Column A (the table's number column) stays empty below the table, as on the gap sheet.
 */
import type { CellRange, Framework, Lang, PredicateBasis, Rational } from './types';
import type { CellStyle, ChartModel, ModelCell, ModelValue, SheetModel, TableModel } from './sheet-model';
import { div, eq, mul, rational, roundHalfUp, sub, sum, toNumber } from './rational';
import { columnLetter } from './address';
import { text, type Catalogue } from './i18n';
import { aspectLabel, domainLabel, num9, predicateFormula, predicateName } from './gap-sheet';
import { SPBE_COMPARE_MARKER } from './gap-names';
import { topMovers, type ComparedIndicator, type Comparison, type ComparisonNote } from './compare';
import type { TransitionPreview } from './compare-preview';
import { describePreview } from './compare-text';
import type { Relation } from './crosswalks';

/** The defined name that marks a comparison sheet this tool wrote (a later run may replace that sheet). */
export { SPBE_COMPARE_MARKER };
/** The preferred Excel table name (renderers suffix it when the workbook already has one). */
export const COMPARE_TABLE_NAME = 'SPBE_Compare';

/** Where a side was read: shown in the header. */
export interface SheetSide {
  readonly file?: string | null;
  readonly sheet?: string | null;
  readonly year?: number | null;
}

export interface CompareSheetOptions {
  readonly lang?: Lang;
  /** Date shown in the header, ISO "YYYY-MM-DD" (the caller's today; the core has no clock). */
  readonly date: string;
  readonly before?: SheetSide;
  readonly after?: SheetSide;
  readonly basis?: PredicateBasis;
  /** Notes besides the comparison's own (e.g. which side is before). */
  readonly notes?: ReadonlyArray<ComparisonNote>;
  /** The transition preview of the after side, shown as text (an estimate). */
  readonly preview?: TransitionPreview | null;
}

type Key = keyof Catalogue['compare'];
const NINE = 9;
const HUNDRED = rational(100);

const STYLES = {
  title: { bold: true, fontSize: 14, fontColor: '#1F4E78' },
  subtitle: { bold: true, fontSize: 12 },
  label: { bold: true, vertical: 'top' },
  value: { horizontal: 'left', vertical: 'top' },
  index: { bold: true, numberFormat: '0.00', horizontal: 'left' },
  signed: { bold: true, numberFormat: '+0.00;-0.00;0.00', horizontal: 'left' },
  predicate: { bold: true, horizontal: 'center', border: true },
  section: { bold: true, fontSize: 12, fontColor: '#1F4E78' },
  th: { bold: true, fill: '#1F4E78', fontColor: '#FFFFFF', wrap: true, vertical: 'middle', horizontal: 'center', border: true },
  cellText: { wrap: true, vertical: 'top', border: true },
  cellTextNo: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  cellNo: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '0' },
  weight: { numberFormat: '0.00', vertical: 'top', border: true },
  level: { numberFormat: '0.00', horizontal: 'center', vertical: 'top', border: true },
  change: { numberFormat: '+0.00;-0.00;0.00', horizontal: 'center', vertical: 'top', border: true },
  points: { numberFormat: '+0.0000;-0.0000;0.0000', vertical: 'top', border: true },
  note: { italic: true, wrap: false },
} as const satisfies Record<string, CellStyle>;

type StyleName = keyof typeof STYLES;

interface CellSpec {
  readonly value: ModelValue;
  readonly style?: StyleName;
  readonly formula?: string;
}

function t(lang: Lang, key: Key, params?: Record<string, string | number>): string {
  return text(lang, 'compare', key, params);
}

const r9 = (r: Rational): Rational => roundHalfUp(r, NINE);
const ref = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;
const abs = (row: number, col: number): string => `$${columnLetter(col)}$${row + 1}`;
const rng = (top: number, bottom: number, col: number): string => `${abs(top, col)}:${abs(bottom, col)}`;

/** ROUND(expression, 9) with its value: `exact` is computed on the 9-decimal values of the cells it reads. */
function formulaCell(exact: Rational, expression: string, style: StyleName): CellSpec {
  return { value: num9(exact), formula: `ROUND(${expression},${NINE})`, style };
}

const RELATION_KEY: Record<Relation, Key> = {
  same: 'relSame',
  'same-subject': 'relSameSubject',
  partial: 'relPartial',
  new: 'relNew',
  removed: 'relRemoved',
};

class Builder {
  readonly cells: ModelCell[] = [];
  readonly merges: CellRange[] = [];
  put(row: number, col: number, spec: CellSpec): void {
    const cell: { -readonly [K in keyof ModelCell]: ModelCell[K] } = { row, col, value: spec.value };
    if (spec.style) cell.style = spec.style;
    if (spec.formula !== undefined) cell.formula = spec.formula;
    this.cells.push(cell);
  }
  textAt(row: number, col: number, value: string, style?: StyleName): void {
    this.put(row, col, { value, ...(style ? { style } : {}) });
  }
  merge(row: number, left: number, right: number): void {
    this.merges.push({ top: row, left, bottom: row, right });
  }
}

type ColumnId = 'no' | 'name' | 'aspect' | 'domain' | 'relation' | 'from' | 'weight' | 'before' | 'after' | 'change' | 'contribution' | 'compared';

const HEADERS: Record<ColumnId, Key> = {
  no: 'colNo',
  name: 'colIndicator',
  aspect: 'colAspect',
  domain: 'colDomain',
  relation: 'colRelation',
  from: 'colFrom',
  weight: 'colWeight',
  before: 'colBefore',
  after: 'colAfter',
  change: 'colChange',
  contribution: 'colContribution',
  compared: 'colCompared',
};

const WIDTHS: Record<ColumnId, number> = {
  no: 6,
  name: 48,
  aspect: 28,
  domain: 24,
  relation: 16,
  from: 14,
  weight: 10,
  before: 10,
  after: 10,
  change: 11,
  contribution: 14,
  compared: 12,
};

/** Header rows (zero-based). */
const H = { title: 0, subtitle: 1, before: 3, after: 4, indexBefore: 5, indexAfter: 6, delta: 7, regulation: 8, framework: 9, levels: 10, made: 11 };
const LABEL = 0;
const VAL = 2;
const EXTRA = 3;
/** Zero-based row of the indicator table's header (row 15). */
const HEAD = 14;

function sideText(s: SheetSide | undefined, fw: Framework): string {
  const parts = [s?.file, s?.sheet, s?.year ? String(s.year) : null].filter((x): x is string => !!x);
  parts.push(`${fw.name}`);
  return parts.join(' · ');
}

/** One indicator row as the sheet holds it: the 9-decimal values its formulas read. */
interface Row {
  readonly r: ComparedIndicator;
  readonly row: number;
  readonly b9: Rational | null;
  readonly a9: Rational;
  readonly w9: Rational;
  /** False only in spbe2018's spread case (the before level carries another weight): constants then. */
  readonly sameWeight: boolean;
}

/** Builds the comparison sheet of a comparison. */
export function buildCompareSheet(c: Comparison, options: CompareSheetOptions): SheetModel {
  const lang = options.lang ?? 'id';
  const basis = options.basis ?? 'exact';
  const across = c.kind === 'across-regulations';
  const fw = c.after.framework;
  const hasDomains = c.domains.length > 0;
  const ids: ColumnId[] = ['no', 'name', 'aspect', ...(hasDomains ? (['domain'] as const) : []), 'relation', 'from', 'weight', 'before', 'after', 'change', 'contribution', ...(across ? (['compared'] as const) : [])];
  const col = Object.fromEntries(ids.map((id, i) => [id, i])) as Record<ColumnId, number>;
  const b = new Builder();

  // Title and the two sides.
  b.textAt(H.title, 0, t(lang, 'sheetTitle'), 'title');
  b.merge(H.title, 0, 8);
  b.textAt(
    H.subtitle,
    0,
    across ? t(lang, 'sheetSubtitleAcross', { before: c.before.framework.name, after: fw.name }) : t(lang, 'sheetSubtitleSame', { framework: fw.name }),
    'subtitle',
  );
  b.merge(H.subtitle, 0, 8);
  const label = (row: number, key: Key, params?: Record<string, string | number>) => {
    b.textAt(row, LABEL, t(lang, key, params), 'label');
    b.merge(row, LABEL, VAL - 1);
  };
  label(H.before, 'sheetBefore');
  b.textAt(H.before, VAL, sideText(options.before, c.before.framework), 'value');
  label(H.after, 'sheetAfter');
  b.textAt(H.after, VAL, sideText(options.after, fw), 'value');

  // The indicator rows.
  const first = HEAD + 1;
  const rows: Row[] = c.indicators.map((r, i) => ({
    r,
    row: first + i,
    b9: r.before === null ? null : r9(r.before),
    a9: r9(r.after),
    w9: r9(r.weight),
    sameWeight: r.beforeWeight === null || eq(r.beforeWeight, r.weight),
  }));
  const last = first + rows.length - 1;
  const range = (id: ColumnId) => rng(first, last, col[id]);

  // Indices, change, effects.
  const bi9 = r9(c.before.index);
  const ai9 = r9(c.after.index);
  label(H.indexBefore, 'sheetIndexBefore');
  b.put(H.indexBefore, VAL, { value: num9(c.before.index), style: 'index' });
  b.put(H.indexBefore, EXTRA, { value: predicateName(c.before.framework, c.before.index, basis), formula: predicateFormula(c.before.framework, ref(H.indexBefore, VAL), basis), style: 'predicate' });
  label(H.indexAfter, 'sheetIndexAfter');
  b.put(H.indexAfter, VAL, { value: num9(c.after.index), style: 'index' });
  b.put(H.indexAfter, EXTRA, { value: predicateName(fw, c.after.index, basis), formula: predicateFormula(fw, ref(H.indexAfter, VAL), basis), style: 'predicate' });
  label(H.delta, 'sheetDelta');
  b.put(H.delta, VAL, formulaCell(sub(ai9, bi9), `${ref(H.indexAfter, VAL)}-${ref(H.indexBefore, VAL)}`, 'signed'));
  let reg9 = bi9;
  if (across) {
    // C: the newer framework on the old levels, new indicators at their after level.
    reg9 = r9(div(sum(rows.map((x) => mul(x.b9 ?? x.a9, x.w9))), HUNDRED));
    label(H.regulation, 'sheetRegulationIndex', { to: fw.regulation.number });
    b.put(H.regulation, VAL, formulaCell(reg9, `SUMPRODUCT(${range('compared')},${range('weight')})/100`, 'index'));
    b.put(H.regulation, EXTRA, { value: predicateName(fw, reg9, basis), formula: predicateFormula(fw, ref(H.regulation, VAL), basis), style: 'predicate' });
    label(H.framework, 'sheetEffectFramework');
    b.put(H.framework, VAL, formulaCell(sub(reg9, bi9), `${ref(H.regulation, VAL)}-${ref(H.indexBefore, VAL)}`, 'signed'));
    label(H.levels, 'sheetEffectLevels');
    b.put(H.levels, VAL, formulaCell(sub(ai9, reg9), `${ref(H.indexAfter, VAL)}-${ref(H.regulation, VAL)}`, 'signed'));
  } else {
    label(H.framework, 'sheetEffectFramework');
    b.put(H.framework, VAL, { value: 0, style: 'signed' });
    label(H.levels, 'sheetEffectLevels');
    b.put(H.levels, VAL, formulaCell(sub(ai9, bi9), `${ref(H.delta, VAL)}`, 'signed'));
  }
  label(H.made, 'sheetMade');
  b.textAt(H.made, VAL, options.date, 'value');

  // The indicator table.
  b.textAt(HEAD - 1, 0, t(lang, 'sheetSectionIndicators', { framework: fw.name }), 'section');
  b.merge(HEAD - 1, 0, 6);
  ids.forEach((id, i) => b.textAt(HEAD, i, t(lang, HEADERS[id]), 'th'));
  for (const x of rows) {
    const { r, row } = x;
    const at = (id: ColumnId) => ref(row, col[id]);
    b.put(row, col.no, { value: r.no, style: 'cellNo' });
    b.textAt(row, col.name, r.name, 'cellText');
    b.textAt(row, col.aspect, aspectLabel(fw, r.aspect), 'cellText');
    if (hasDomains) b.textAt(row, col.domain, domainLabel(fw, r.domain), 'cellText');
    b.textAt(row, col.relation, t(lang, RELATION_KEY[r.relation]), 'cellText');
    b.textAt(row, col.from, r.from.map((f) => f.no).join(', '), 'cellTextNo');
    b.put(row, col.weight, { value: toNumber(x.w9), style: 'weight' });
    b.put(row, col.before, { value: x.b9 === null ? null : toNumber(x.b9), style: 'level' });
    b.put(row, col.after, { value: toNumber(x.a9), style: 'level' });
    const has = `ISNUMBER(${at('before')})`;
    b.put(row, col.change, {
      value: x.b9 === null ? '' : num9(sub(x.a9, x.b9)),
      formula: `IF(${has},ROUND(${at('after')}-${at('before')},${NINE}),"")`,
      style: 'change',
    });
    if (x.sameWeight) {
      b.put(row, col.contribution, {
        value: x.b9 === null ? '' : num9(div(mul(sub(x.a9, x.b9), x.w9), HUNDRED)),
        formula: `IF(${has},ROUND((${at('after')}-${at('before')})*${at('weight')}/100,${NINE}),"")`,
        style: 'points',
      });
    } else {
      b.put(row, col.contribution, { value: r.contribution === null ? '' : num9(r.contribution), style: 'points' });
    }
    if (across) b.put(row, col.compared, { value: toNumber(x.b9 ?? x.a9), formula: `IF(${has},${at('before')},${at('after')})`, style: 'level' });
  }
  const tables: TableModel[] = [
    { name: COMPARE_TABLE_NAME, range: { top: HEAD, left: 0, bottom: Math.max(last, first), right: ids.length - 1 }, columns: ids.map((id) => t(lang, HEADERS[id])), style: 'TableStyleLight9' },
  ];

  // Aspects and domains.
  const charts: ChartModel[] = [];
  let next = last + 2;
  const G = { name: 1, weight: 2, before: 3, after: 4, change: 5 };
  const groupBlock = (title: Key, nameKey: Key, matchCol: number, groups: Comparison['aspects'], labelOf: (no: number) => string, member: (x: Row, no: number) => boolean) => {
    b.textAt(next, 0, t(lang, title), 'section');
    b.merge(next, 0, G.change);
    next++;
    ([nameKey, 'colWeight', 'colBefore', 'colAfter', 'colChange'] as const).forEach((k, i) => b.textAt(next, G.name + i, t(lang, k), 'th'));
    next++;
    const top = next;
    for (const g of groups) {
      const members = rows.filter((x) => member(x, g.no));
      const matched = members.filter((x) => x.b9 !== null);
      const match = `--(${rng(first, last, matchCol)}=${abs(next, G.name)})`;
      b.textAt(next, G.name, labelOf(g.no), 'cellText');
      b.put(next, G.weight, { value: toNumber(g.weight), style: 'weight' });
      const wAll = sum(members.map((x) => x.w9));
      const a = r9(div(sum(members.map((x) => mul(x.a9, x.w9))), wAll));
      b.put(next, G.after, formulaCell(a, `SUMPRODUCT(${match},${range('after')},${range('weight')})/SUMPRODUCT(${match},${range('weight')})`, 'level'));
      let bv: Rational | null = null;
      if (members.every((x) => x.sameWeight)) {
        const wm = sum(matched.map((x) => x.w9));
        bv = matched.length ? r9(div(sum(matched.map((x) => mul(x.b9!, x.w9))), wm)) : null;
        const known = `SUMPRODUCT(${match},--ISNUMBER(${range('before')}),${range('weight')})`;
        b.put(next, G.before, {
          value: bv === null ? '' : num9(bv),
          formula: `IF(${known}>0,ROUND(SUMPRODUCT(${match},${range('before')},${range('weight')})/${known},${NINE}),"")`,
          style: 'level',
        });
      } else {
        bv = g.before === null ? null : r9(g.before);
        b.put(next, G.before, { value: bv === null ? '' : toNumber(bv), style: 'level' });
      }
      const bRef = ref(next, G.before);
      b.put(next, G.change, {
        value: bv === null ? '' : num9(sub(a, bv)),
        formula: `IF(ISNUMBER(${bRef}),ROUND(${ref(next, G.after)}-${bRef},${NINE}),"")`,
        style: 'change',
      });
      next++;
    }
    const bottom = next - 1;
    next++;
    return { top, bottom };
  };
  const aspects = groupBlock('sheetSectionAspects', 'colAspect', col.aspect, c.aspects, (no) => aspectLabel(fw, no), (x, no) => x.r.aspect === no);
  charts.push({
    type: 'column',
    title: t(lang, 'chartAspects'),
    categories: { top: aspects.top, left: G.name, bottom: aspects.bottom, right: G.name },
    series: [
      { name: t(lang, 'sheetBefore'), values: { top: aspects.top, left: G.before, bottom: aspects.bottom, right: G.before }, color: '#A5A5A5' },
      { name: t(lang, 'sheetAfter'), values: { top: aspects.top, left: G.after, bottom: aspects.bottom, right: G.after }, color: '#1F4E78' },
    ],
    anchor: { top: aspects.top - 2, left: G.change + 2, bottom: aspects.top + 16, right: G.change + 9 },
    valueAxis: { min: 0, max: 5, majorUnit: 1, numberFormat: '0' },
  });
  if (hasDomains) groupBlock('sheetSectionDomains', 'colDomain', col.domain, c.domains, (no) => domainLabel(fw, no), (x, no) => x.r.domain === no);
  if (across) {
    b.textAt(next, G.name, t(lang, 'sheetMatchedNote'), 'note');
    next += 2;
  }

  // The top movers, linked to their rows of the table.
  const movers = topMovers(c, 10);
  if (movers.length) {
    b.textAt(next, 0, t(lang, 'sheetSectionMovers'), 'section');
    b.merge(next, 0, G.change);
    next++;
    (['colNo', 'colName', 'colBefore', 'colAfter', 'colContribution'] as const).forEach((k, i) => b.textAt(next, G.name + i, t(lang, k), 'th'));
    next++;
    for (const m of movers) {
      const x = rows.find((y) => y.r.no === m.no)!;
      const link = (id: ColumnId, value: ModelValue, style: StyleName): CellSpec => ({ value, formula: ref(x.row, col[id]), style });
      b.put(next, G.name, link('no', m.no, 'cellNo'));
      b.put(next, G.name + 1, link('name', m.name, 'cellText'));
      b.put(next, G.name + 2, link('before', toNumber(x.b9!), 'level'));
      b.put(next, G.name + 3, link('after', toNumber(x.a9), 'level'));
      b.put(next, G.name + 4, link('contribution', x.sameWeight ? num9(div(mul(sub(x.a9, x.b9!), x.w9), HUNDRED)) : num9(m.contribution!), 'points'));
      next++;
    }
    next++;
  }

  // Indicators no longer assessed (across regulations).
  if (c.removed.length) {
    b.textAt(next, 0, t(lang, 'sheetSectionRemoved', { from: c.before.framework.regulation.number }), 'section');
    b.merge(next, 0, G.change);
    next++;
    (['colNo', 'colName', 'colWeight', 'colBefore'] as const).forEach((k, i) => b.textAt(next, G.name + i, t(lang, k), 'th'));
    next++;
    for (const r of c.removed) {
      b.put(next, G.name, { value: r.no, style: 'cellNo' });
      b.textAt(next, G.name + 1, r.name, 'cellText');
      b.put(next, G.name + 2, { value: num9(r.weight), style: 'weight' });
      b.put(next, G.name + 3, { value: num9(r.before), style: 'level' });
      next++;
    }
    next++;
  }

  // Notes and the transition preview, as text.
  const notes = [...(options.notes ?? []), ...c.notes].map((n) => n.message[lang]);
  const preview = options.preview ? describePreview(options.preview, lang) : [];
  if (notes.length || preview.length) {
    b.textAt(next, 0, t(lang, 'sheetSectionNotes'), 'section');
    next++;
    for (const line of [...notes, ...preview]) {
      b.textAt(next, G.name, line.trim(), 'value');
      next++;
    }
  }

  return {
    name: t(lang, 'sheetName'),
    marker: SPBE_COMPARE_MARKER,
    cells: b.cells,
    styles: STYLES,
    columnWidths: ids.map((id, i) => ({ col: i, width: WIDTHS[id] })),
    merges: b.merges,
    tables,
    validations: [],
    conditionalFormats: [
      { range: { top: first, left: col.contribution, bottom: Math.max(last, first), right: col.contribution }, rules: [{ type: 'dataBar', color: '#5B9BD5' }] },
    ],
    charts,
    freeze: { rows: HEAD + 1, cols: 2 },
    tabColor: '#5B9BD5',
    page: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitleRows: { top: HEAD, bottom: HEAD } },
  };
}
