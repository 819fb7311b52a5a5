/**
 * A minimal XML 1.0 writer: elements, attributes and text, escaped. Characters
 * XML 1.0 cannot carry at all (control characters other than tab, LF and CR,
 * lone surrogates, U+FFFE/U+FFFF) are dropped rather than written as an
 * unparsable document.
 */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | number | boolean | null | undefined>;
  /** Text content, or child elements (null/undefined children are skipped). */
  children?: string | number | readonly (XmlElement | null | undefined)[];
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXmlText(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks (which attribute normalisation would turn into spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Shorthand for an element; omitted attributes (null/undefined) are not written. */
export function el(name: string, attributes?: XmlElement['attributes'], children?: XmlElement['children']): XmlElement {
  return { name, attributes, children };
}

function serialize(node: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attrs = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
  const { children } = node;
  if (children === undefined || (Array.isArray(children) && children.every((c) => !c))) return `${indent}<${node.name}${attrs}/>`;
  if (typeof children === 'string' || typeof children === 'number') {
    return `${indent}<${node.name}${attrs}>${escapeXmlText(String(children))}</${node.name}>`;
  }
  const inner = (children as readonly (XmlElement | null | undefined)[])
    .filter((c): c is XmlElement => !!c)
    .map((c) => serialize(c, depth + 1))
    .join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

export function toXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, 0)}\n`;
}
