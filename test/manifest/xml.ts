/**
 * A small strict XML parser for the offline manifest and configuration checks (test/manifest): elements,
 * attributes, text, comments, the XML declaration; it throws on what is not well-formed.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: number): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);?/gi, (whole, ent: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & at ${where}`);
    if (ent[0] === '#') return String.fromCodePoint(ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    const v = ENTITIES[ent];
    if (v === undefined) throw new Error(`unknown entity &${ent}; at ${where}`);
    return v;
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', parent: null };
  let current = root;
  const fail = (m: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`XML: ${m} (line ${line})`);
  };
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  const decl = /^<\?xml\s[^?]*\?>/.exec(source.slice(i));
  if (decl) i += decl[0].length;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (source.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      const m = new RegExp(`^</(${NAME})\\s*>`).exec(source.slice(i));
      if (!m) fail('bad end tag');
      const name = (m as RegExpExecArray)[1];
      if (current.name !== name) fail(`</${name}> closes <${current.name}>`);
      current = current.parent as XmlElement;
      i += (m as RegExpExecArray)[0].length;
    } else if (source[i] === '<') {
      const m = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`).exec(source.slice(i));
      if (!m) fail('bad start tag');
      const [whole, name, attrText, selfClose] = m as RegExpExecArray;
      const attrs: Record<string, string> = {};
      const attrRe = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
      let a: RegExpExecArray | null;
      while ((a = attrRe.exec(attrText))) {
        if (Object.prototype.hasOwnProperty.call(attrs, a[1])) fail(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[2] ?? a[3], i);
      }
      if (current === root && root.children.length > 0) fail('more than one root element');
      const el: XmlElement = { name, attrs, children: [], text: '', parent: current };
      current.children.push(el);
      if (!selfClose) current = el;
      i += whole.length;
    } else {
      const end = source.indexOf('<', i);
      const raw = source.slice(i, end < 0 ? source.length : end);
      if (current === root) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else current.text += decode(raw, i);
      i += raw.length;
    }
  }
  if (current !== root) fail(`<${current.name}> is not closed`);
  if (root.children.length !== 1) fail('no root element');
  return root.children[0];
}

export function all(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
export const byName = (el: XmlElement, name: string) => all(el, (e) => e.name === name);
export const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
export function path1(el: XmlElement, ...names: string[]): XmlElement {
  let cur: XmlElement | undefined = el;
  for (const n of names) {
    cur = cur && child(cur, n);
    if (!cur) throw new Error(`no ${names.join('/')}`);
  }
  return cur as XmlElement;
}
export const ancestors = (el: XmlElement): string[] => {
  const out: string[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p.name);
  return out;
};

