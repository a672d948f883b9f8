/**
 * The model's charts as DrawingML: one drawing part for the sheet (a two-cell anchor per chart, so a
 * chart covers exactly the cells the model names and moves with them) and one chart part per chart,
 * with the series' formulas on the new sheet AND their cached values (a program that does not
 * recalculate still draws the chart).
 *
 * Kinds: "bar" (horizontal bars, categories top-down in sheet order, value axis at the bottom),
 * "column" (vertical bars) and "radar" (a line with markers per series, e.g. aspects now vs target).
 */
import type { ChartModel, ModelCell, SheetModel } from '../../core/sheet-model';
import type { CellRange } from '../../core/types';
import type { Namespaces } from './opc';
import { escapeAttr, escapeText } from './xml';
import { absoluteRef, quoteSheet } from './worksheet';

/** Office's default palette (accent 1, 2, 3 …), used when a series has no colour of its own. */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** Text for DrawingML: characters XML cannot hold are left out (DrawingML has no _xHHHH_ escape). */
function drawingText(s: string): string {
  // A well-formed surrogate pair is matched first and kept; a lone half is left out (no lookbehind: ES2017).
  // eslint-disable-next-line no-control-regex
  return escapeText(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g, (c) => (c.length === 2 ? c : '')));
}

/** The charts a renderer can draw (at least one series). */
export function drawableCharts(model: SheetModel): ChartModel[] {
  return model.charts.filter((c) => c.series.length > 0);
}

/** The drawing part: one anchored graphic frame per chart, referring to rId1, rId2 … in chart order. */
export function drawingXml(charts: ReadonlyArray<ChartModel>, ns: Namespaces): string {
  const anchors = charts.map((chart, i) => {
    const a = chart.anchor;
    const id = i + 2;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${a.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.right + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.bottom + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${i + 1}" descr="${escapeAttr(drawingTextRaw(chart.title))}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">${anchors.join('')}</xdr:wsDr>`;
}

function drawingTextRaw(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '');
}

function cellsIn(byPos: ReadonlyMap<string, ModelCell>, r: CellRange): Array<ModelCell | undefined> {
  const out: Array<ModelCell | undefined> = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(byPos.get(`${row},${col}`));
  return out;
}

function strRef(sheet: string, r: CellRange, cells: Array<ModelCell | undefined>): string {
  const pts = cells
    .map((c, i) => (c && c.value !== null && c.value !== '' ? `<c:pt idx="${i}"><c:v>${drawingText(String(c.value))}</c:v></c:pt>` : ''))
    .join('');
  return `<c:strRef><c:f>${escapeText(`${quoteSheet(sheet)}!${absoluteRef(r)}`)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, r: CellRange, cells: Array<ModelCell | undefined>, format: string): string {
  const pts = cells
    .map((c, i) => (c && typeof c.value === 'number' && Number.isFinite(c.value) ? `<c:pt idx="${i}"><c:v>${String(c.value)}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeText(`${quoteSheet(sheet)}!${absoluteRef(r)}`)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

function color(chart: ChartModel, i: number): string {
  const c = chart.series[i].color;
  return c ? c.replace('#', '').toUpperCase() : PALETTE[i % PALETTE.length];
}

/** A chart part. `sheet` is the name the new sheet got (the series' formulas refer to it). */
export function chartXml(chart: ChartModel, model: SheetModel, sheet: string, ns: Namespaces): string {
  const byPos = new Map<string, ModelCell>();
  for (const c of model.cells) byPos.set(`${c.row},${c.col}`, c);
  const cats = cellsIn(byPos, chart.categories);
  const fmt = chart.valueAxis?.numberFormat ?? 'General';
  const radar = chart.type === 'radar';
  const series = chart.series
    .map((s, i) => {
      const rgb = color(chart, i);
      const look = radar
        ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
          `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></a:ln></c:spPr></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${drawingText(s.name)}</c:v></c:tx>${look}` +
        `<c:cat>${strRef(sheet, chart.categories, cats)}</c:cat>` +
        `<c:val>${numRef(sheet, s.values, cellsIn(byPos, s.values), fmt)}</c:val></c:ser>`
      );
    })
    .join('');
  const axIds = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot = radar
    ? `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${series}${axIds}</c:radarChart>`
    : `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axIds}</c:barChart>`;

  const va = chart.valueAxis;
  const scaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    (va?.max !== undefined ? `<c:max val="${va.max}"/>` : '') +
    (va?.min !== undefined ? `<c:min val="${va.min}"/>` : '') +
    `</c:scaling>`;
  const gridlines = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
  const text = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>';
  // A horizontal bar chart lists categories top-down (reversed axis) with the value axis at the bottom (it crosses at the last category).
  const bar = chart.type === 'bar';
  const catAx =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'l' : 'b'}"/>${radar ? gridlines : ''}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text}` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500000002"/>${scaling}<c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/>${gridlines}` +
    `<c:numFmt formatCode="${escapeAttr(fmt)}" sourceLinked="${va?.numberFormat ? 0 : 1}"/><c:majorTickMark val="${radar ? 'cross' : 'none'}"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text}` +
    `<c:crossAx val="500000001"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>` +
    (va?.majorUnit !== undefined ? `<c:majorUnit val="${va.majorUnit}"/>` : '') +
    `</c:valAx>`;
  const legend = chart.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text}</c:legend>` : '';
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${drawingText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">` +
    `<c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>${legend}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
