/**
 * `markup-in-data`: raw XML elements inside an item's `Data` whose value is text (Meta/Format `chr`,
 * or no Format: chr is the default), such as a Wi-Fi `WlanXml`, an AppLocker policy or an ADMX
 * payload pasted as is. The sources:
 *
 * - OMA DM 1.2 Representation Protocol §4.1.3.1 Data: "It is REQUIRED that either the mark-up
 *   characters of the Data element content are properly escaped according to [XML] specification
 *   rules or that the CDATA sections are used."
 * - Microsoft, ADMX-backed policies: "You must specify the data type in the SyncML as
 *   `<Format>chr</Format>`" and "The payload of the SyncML must be XML-encoded; … To avoid encoding
 *   the payload, you can use CDATA"; the Wi-Fi CSP: "The profile XML must be escaped"; the
 *   AssignedAccess CSP: escaping or CDATA "both ensure that DM client can properly interpret the
 *   SyncML", with a nested CDATA split as `]]]]><![CDATA[>`.
 * - Fleet issue #16316: an unescaped XML document in a profile's Data kept it, and every profile
 *   after it, "stuck in Pending"; PR #16563 accepts the two ways, escaped XML or a CDATA wrapper.
 *
 * Where markup is the value, it stays: `Format` `xml`, and markup in one of SyncML's own namespaces
 * (`syncml:…`). SyncML RepPro, as [MS-MDM] §2.2.5.1 carries it: "Data can either be parsable
 * character content or markup content. If Data contains any markup content, the namespace for the
 * element types MUST be declared"; DM TNDS §9.1.3 sends a raw `<MgmtTree xmlns='syncml:dmddf1.2'>`
 * with Format xml, and SyncML DS answers with `<DevInf xmlns="syncml:devinf">` and
 * `<Anchor xmlns="syncml:metinf">` in Data.
 */
import { N } from '../model/names';
import { ElementFlag, isSpace } from '../model/xmlDocument';
import type { Finding } from './assess';
import type { DocumentAnalysis } from './analysis';
import { escapeXmlText } from '../model/xmlText';
import { holdShape, STORED_ONLY } from '../model/shapes';

/**
 * A start tag that declares one of SyncML's namespaces as its default (syncml:metinf, syncml:devinf,
 * syncml:dmddf1.2); typographic quotes too, which are xml-syntax's to report.
 */
const SYNCML_NAMESPACE = /\sxmlns\s*=\s*["'\u2018\u2019\u201C\u201D]\s*syncml:/i;

/**
 * The Meta/Format of an item, else of its command (a command's Meta applies to its items), lowercased.
 * Remembered per element: an item or command with thousands of children is searched once.
 */
class Formats {
  private readonly known = new Map<number, string | undefined>();

  constructor(private readonly a: DocumentAnalysis) {}

  of(item: number): string {
    return this.own(item) ?? (this.a.xml.parent[item] >= 0 ? this.own(this.a.xml.parent[item]) : undefined) ?? '';
  }

  private own(i: number): string | undefined {
    if (this.known.has(i)) return this.known.get(i);
    const { xml } = this.a;
    const el = xml.path(i, N.Meta, N.Format);
    const v = el >= 0 ? xml.value(el).toLowerCase() : undefined;
    this.known.set(i, v);
    return v;
  }
}

holdShape(new Formats(STORED_ONLY)); // for its hidden class (model/shapes.ts)

export function checkDataMarkup(a: DocumentAnalysis): Finding[] {
  const { xml, text } = a;
  const out: Finding[] = [];
  const names = xml.name;
  const formats = new Formats(a);
  for (let i = 0; i < xml.count; i++) {
    // Raw markup inside Data is what the scanner made child elements of it.
    if (names[i] !== N.Data || i + 1 >= xml.subtreeEnd[i] || xml.flags[i] & ElementFlag.Unclosed) continue;
    const item = xml.parent[i];
    if (item < 0 || names[item] !== N.Item) continue;
    const format = formats.of(item);
    if (format === 'xml') continue;
    if (format !== '' && format !== 'chr') continue;
    const child = i + 1;
    if (SYNCML_NAMESPACE.test(text.slice(xml.nameEnd[child], xml.openEnd[child]))) continue;
    let s = xml.openEnd[i];
    let e = xml.closeStart[i];
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const raw = text.slice(s, e);
    const why = format === 'chr' ? 'whose Format is chr' : 'with no Format (chr, text, by default)';
    out.push({
      code: 'markup-in-data',
      start: s,
      end: e,
      message: `Raw XML (<${xml.tagName(child)}>) inside a Data ${why}: the node takes its value as text, so the markup must be escaped or wrapped in CDATA (OMA DM RepPro §4.1.3.1)`,
      fix: { title: 'Escape the markup (&lt; &gt; &amp;)', newText: escapeXmlText(raw) },
      alternatives: [{ title: 'Wrap the markup in CDATA', newText: wrapInCData(raw) }],
    });
    // The markup's own Data elements (a nested message) are part of this payload, not findings of their own.
    i = xml.subtreeEnd[i] - 1;
  }
  return out;
}

/** The text in one CDATA section; a `]]>` inside is split across two, as Microsoft's AssignedAccess sample does. */
export function wrapInCData(raw: string): string {
  return `<![CDATA[${raw.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
