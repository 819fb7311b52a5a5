import { DomainError } from '../errors';

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
    if (named === undefined) throw new DomainError('INVALID_INPUT', `XML illisible : entité inconnue ${whole}.`);
    return named;
  });
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const fail = (why: string) => {
    throw new DomainError('INVALID_INPUT', `XML illisible : ${why}.`);
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
      if (end === -1) fail('commentaire non fermé');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) fail('section CDATA non fermée');
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) fail('instruction non fermée');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      fail('les déclarations de type de document ne sont pas acceptées');
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) fail(`balise fermante </${name}> inattendue`);
      i = end + 1;
    } else {
      const end = xml.indexOf('>', lt);
      if (end === -1) fail('balise non fermée');
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const name = /^[\w:.-]+/.exec(body)?.[0];
      if (!name) fail('nom de balise manquant');
      const node: XmlNode = { name: name!, attributes: {}, children: [], text: '' };
      for (const m of body.slice(name!.length).matchAll(ATTRIBUTE)) node.attributes[m[1]!] = decode(m[3] ?? m[4] ?? '');
      top.children.push(node);
      if (!selfClosing) stack.push(node);
      i = end + 1;
    }
  }
  if (stack.length !== 1) fail(`balise <${stack[stack.length - 1]!.name}> non fermée`);
  const [documentElement] = root.children;
  if (!documentElement || root.children.length !== 1) fail('un seul élément racine est attendu');
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
