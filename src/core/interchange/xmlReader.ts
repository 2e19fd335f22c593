/**
 * A small, strict XML reader for REFI-QDA files: elements, attributes, text, CDATA, comments, processing
 * instructions and a DOCTYPE without an internal subset. It follows XML 1.0 where the text matters — line ends
 * in text become LF, literal tabs and line breaks in attribute values become spaces, character references
 * (`&#13;`) are kept as the characters they name — and every error names the file and line. Namespace prefixes
 * are dropped from names: REFI-QDA has one namespace per file, which the caller checks on the root.
 */

export interface XmlElement {
  /** The local name, without a namespace prefix. */
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), concatenated. */
  text: string;
  /** 1-based line of the element's start tag. */
  line: number;
}

export class XmlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[^\s/>=]+/y;

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export function parseXml(source: string, file: string): XmlElement {
  const xml = source.startsWith('\uFEFF') ? source.slice(1) : source;
  let pos = 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new XmlError(file, line, message);
  };
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (xml.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const decode = (raw: string): string =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail("a bare '&' (write &amp;)");
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0x10ffff ? fail(`character reference ${whole} is out of range`) : String.fromCodePoint(code);
      }
      return NAMED[ref] ?? fail(`unknown entity ${whole}`);
    });
  const skipTo = (end: string, what: string): string => {
    const at = xml.indexOf(end, pos);
    if (at < 0) fail(`${what} is not closed`);
    const body = xml.slice(pos, at);
    advance(at + end.length);
    return body;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > pos) {
      const raw = xml.slice(pos, textEnd);
      const parent = stack.at(-1);
      if (parent) parent.text += decode(raw.replace(/\r\n?/g, '\n'));
      else if (raw.trim() !== '') fail('text outside the root element');
      advance(textEnd);
      continue;
    }
    if (xml.startsWith('<!--', pos)) skipTo('-->', 'a comment');
    else if (xml.startsWith('<![CDATA[', pos)) {
      advance(pos + 9);
      const body = skipTo(']]>', 'a CDATA section').replace(/\r\n?/g, '\n');
      const parent = stack.at(-1);
      if (!parent) fail('CDATA outside the root element');
      else parent.text += body;
    } else if (xml.startsWith('<?', pos)) skipTo('?>', 'a processing instruction');
    else if (xml.startsWith('<!DOCTYPE', pos)) {
      const body = skipTo('>', 'the DOCTYPE');
      if (body.includes('['))
        fail('a DOCTYPE with an internal subset is not read (entities could expand without bound)');
    } else if (xml.startsWith('</', pos)) {
      const startLine = line;
      const name = skipTo('>', 'an end tag').slice(2).trim();
      const open = stack.pop();
      if (!open || open.name !== localName(name))
        throw new XmlError(file, startLine, `end tag </${name}> does not close <${open?.name ?? 'nothing'}>`);
    } else {
      const element: XmlElement = { name: '', attributes: new Map(), children: [], text: '', line };
      advance(pos + 1);
      NAME.lastIndex = pos;
      const name = NAME.exec(xml)?.[0] ?? fail('a tag without a name');
      element.name = localName(name);
      advance(pos + name.length);
      for (;;) {
        const space = /\s*/y;
        space.lastIndex = pos;
        advance(pos + (space.exec(xml)?.[0].length ?? 0));
        if (xml.startsWith('/>', pos) || xml.startsWith('>', pos)) break;
        const attr = /([^\s/>=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
        attr.lastIndex = pos;
        const m = attr.exec(xml) ?? fail(`a malformed attribute in <${name}>`);
        const value = (m[3] ?? m[4] ?? '').replace(/\r\n|[\t\n\r]/g, ' ');
        if (value.includes('<')) fail(`'<' inside an attribute value of <${name}>`);
        element.attributes.set(localName(m[1] ?? ''), decode(value));
        advance(pos + m[0].length);
      }
      const selfClosing = xml.startsWith('/>', pos);
      advance(pos + (selfClosing ? 2 : 1));
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  const open = stack.at(-1);
  if (open) throw new XmlError(file, line, `<${open.name}> (line ${open.line}) is not closed`);
  return root ?? fail('no root element');
}

/** The children of `e` with this local name. */
export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

export function childNamed(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}
