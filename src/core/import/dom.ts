/**
 * The small part of the DOM the converters use, typed here because the project compiles without the browser
 * "DOM" library (the core must not lean on browser globals); linkedom implements all of it without a browser.
 */
import { DOMParser, parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  firstChild: DomNode | null;
}

export interface DomElement extends DomNode {
  id: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  replaceWith(node: DomNode): void;
  insertBefore(node: DomNode, before: DomNode | null): DomNode;
}

export interface DomDocument extends DomElement {
  body: DomElement | null;
  documentElement: DomElement | null;
  title: string;
  createTextNode(text: string): DomNode;
}

/** An HTML (or XHTML) document. */
export function parseHtmlDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** An XML part (office metadata, ODT content, EPUB package). */
export function parseXmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument;
}

/** An HTML fragment wrapped in a document, and that document's body. */
export function parseFragment(html: string): { doc: DomDocument; body: DomElement } {
  const doc = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  if (!doc.body) throw new Error('linkedom produced a document without a body');
  return { doc, body: doc.body };
}
