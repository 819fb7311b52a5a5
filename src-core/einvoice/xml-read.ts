import { message, refusalError, type Message } from '../messages';

/**
 * A small XML reader for the documents this application writes and receives
 * (`factur-x.xml`): elements, attributes, text and character references;
 * comments, processing instructions and CDATA are understood, DTDs refused.
 * Enough to read a CII invoice back, with no DOM (src-core runs everywhere).
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw refusalError('INVALID_INPUT', message('refusal.xml.entity', { entity: whole }));
    return named;
  });
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const fail = (why: Message) => {
    throw refusalError('INVALID_INPUT', message('refusal.xml.unreadable', { why: { message: why } }));
  };
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) top.text += decode(xml.slice(i, textEnd));
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) fail(message('refusal.xml.comment'));
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) fail(message('refusal.xml.cdata'));
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) fail(message('refusal.xml.instruction'));
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      fail(message('refusal.xml.doctype'));
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) fail(message('refusal.xml.closing', { name }));
      i = end + 1;
    } else {
      const end = xml.indexOf('>', lt);
      if (end === -1) fail(message('refusal.xml.tag'));
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const name = /^[\w:.-]+/.exec(body)?.[0];
      if (!name) fail(message('refusal.xml.noName'));
      const node: XmlNode = { name: name!, attributes: {}, children: [], text: '' };
      for (const m of body.slice(name!.length).matchAll(ATTRIBUTE)) node.attributes[m[1]!] = decode(m[3] ?? m[4] ?? '');
      top.children.push(node);
      if (!selfClosing) stack.push(node);
      i = end + 1;
    }
  }
  if (stack.length !== 1) fail(message('refusal.xml.tagNamed', { name: stack[stack.length - 1]!.name }));
  const [documentElement] = root.children;
  if (!documentElement || root.children.length !== 1) fail(message('refusal.xml.root'));
  return documentElement!;
}

/** The first descendant along a path of element names ("ram:SellerTradeParty/ram:Name"). */
export function child(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let at = node;
  for (const name of path.split('/')) at = at?.children.find((c) => c.name === name);
  return at;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

/** The trimmed text at a path, undefined when the element is absent. */
export function textAt(node: XmlNode | undefined, path: string): string | undefined {
  const found = child(node, path);
  return found ? found.text.trim() : undefined;
}
