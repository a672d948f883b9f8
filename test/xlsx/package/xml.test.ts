/** Text in package parts: Excel's _xHHHH_ escape and XML escaping give back exactly the text, whatever it holds. */
import fc from 'fast-check';
import { applyEdits, attributes, decodeXml, excelText, excelUnescape, scanTags, elementAt, rootElement, childElements } from '../../../src/xlsx/package/xml';

test('any text (control characters, lone surrogates, a literal "_x0041_", <&>) reads back exactly', () => {
  const chars = fc.oneof(
    fc.constantFrom('\u0000', '\u0001', '\u0007', '\t', '\n', '\r', '\u001f', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '_', 'x', '0', 'A', '&', '<', '>', '"', "'", ' ', 'é', '😀'),
    fc.string({ maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (s) => {
      const xml = excelText(s);
      // nothing XML 1.0 cannot hold, and no carriage return (a parser would drop it)
      // eslint-disable-next-line no-control-regex
      expect(/[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/.test(xml)).toBe(false);
      expect(excelUnescape(decodeXml(xml))).toBe(s);
    }),
    { numRuns: 500 },
  );
  expect(excelText('a\u0001b_x0041_c\r\n')).toBe('a_x0001_b_x005F_x0041_c_x000D_\n');
});

test('the tag scanner finds elements with any prefix, skipping comments, CDATA and processing instructions', () => {
  const xml = '<?xml version="1.0"?><!-- <sheets> --><x:workbook xmlns:x="u" a=\'1 > 0\'><![CDATA[<sheet/>]]><x:sheets><x:sheet name="A&amp;B"/></x:sheets></x:workbook>';
  const tags = scanTags(xml);
  const root = rootElement(tags);
  expect(root.open.local).toBe('workbook');
  expect(attributes(root.open).get('a')).toBe('1 > 0');
  const sheets = childElements(tags, root, 'sheets');
  expect(sheets).toHaveLength(1);
  const sheet = childElements(tags, sheets[0], 'sheet')[0];
  expect(attributes(sheet.open).get('name')).toBe('A&B');
  expect(elementAt(tags, root.openIndex).close?.name).toBe('x:workbook');
  expect(applyEdits(xml, [{ start: sheet.open.start, end: sheet.open.end, text: '' }])).not.toContain('x:sheet ');
});
