/**
 * The element tree and text of an XML document, for comparing a decoded WBXML capture with the XML
 * it was made from: element names, text with the whitespace at its ends trimmed (xml2wbxml trims
 * it, and the decoder's indentation adds some around child elements), no attributes (WBXML SyncML
 * carries its namespaces in code pages).
 */
import { SaxesParser } from 'saxes';

export interface Node {
  name: string;
  text: string;
  children: Node[];
}

export function xmlTree(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const root: Node = { name: '#document', text: '', children: [] };
  const stack: Node[] = [root];
  const addText = (t: string): void => {
    stack[stack.length - 1].text += t;
  };
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, text: '', children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop()!;
    node.text = node.text.trim();
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  return root.children[0];
}
