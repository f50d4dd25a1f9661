import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileScanSpec, parseXml } from '../../server/src/model/scanner';
import { CONTEXT_SCAN } from '../../server/src/context/sites';
import { N } from '../../server/src/model/names';

function names(text: string): string[] {
  const doc = parseXml(text);
  return Array.from({ length: doc.count }, (_, i) => doc.tagName(i));
}

describe('XML scanner', () => {
  it('reads elements, values, CDATA, comments, PIs, DOCTYPE, BOM and CRLF', () => {
    const text =
      '\uFEFF<?xml version="1.0"?>\r\n<!DOCTYPE MgmtTree PUBLIC " -//OMA//DTD-DM-DDF 1.2//EN" "x.dtd" [ <!ENTITY a "b"> ]>\r\n' +
      '<SyncML><!-- <Status> in a comment --><SyncBody><Status><Data><![CDATA[ 404 ]]></Data></Status></SyncBody></SyncML>\r\n';
    const doc = parseXml(text);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(names(text), ['SyncML', 'SyncBody', 'Status', 'Data']);
    assert.equal(doc.value(3), '404');
    assert.equal(doc.name[2], N.Status);
  });

  it('interns local names under a namespace prefix', () => {
    const doc = parseXml('<m:Meta xmlns:m="syncml:metinf"><m:Type>x</m:Type></m:Meta>');
    assert.equal(doc.name[0], N.Meta);
    assert.equal(doc.name[1], N.Type);
    assert.deepEqual(doc.errors, []);
  });

  it('reports a mismatched end tag and keeps the elements after it', () => {
    const text = '<SyncBody><LocURI>./Vendor/<ProviderID>/x</LocURI><Status><Data>200</Data></Status></SyncBody>';
    const doc = parseXml(text);
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /<ProviderID> is not closed before <\/LocURI>/);
    assert.equal(text.slice(doc.errors[0].start, doc.errors[0].end), '<ProviderID');
    const data = doc.count - 1;
    assert.equal(doc.tagName(data), 'Data');
    assert.equal(doc.value(data), '200');
  });

  it('reports a bare ampersand, an undefined entity and accepts character references', () => {
    const doc = parseXml('<Data>MAXDT=30&DR=1 &nbsp; &#169; &#x1F600; &lt;x&gt;</Data>');
    assert.deepEqual(doc.errors.map((e) => e.message), [
      "A bare '&' must be escaped as &amp;",
      "Undefined entity '&nbsp;' (XML knows only &amp; &lt; &gt; &quot; &apos;)",
    ]);
  });

  it('reports typographic quotes and an XML declaration that is not at the start', () => {
    const doc = parseXml(' <?xml version="1.0"?><Meta><Type xmlns=\u201csyncml:metinf\u201d>int</Type></Meta>');
    assert.deepEqual(doc.errors.map((e) => e.message), [
      'The XML declaration <?xml ...?> is allowed only at the very start of the document',
      'Attribute value must be in straight quotes (" or \'), not typographic \u201c',
    ]);
    assert.equal(doc.value(1), 'int');
  });

  it('keeps a truncated document: elements before the cut are there, one error names the open element', () => {
    const text = '<SyncML><SyncBody><Status><Data>404</Data></Status><Status><Data>21';
    const doc = parseXml(text);
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /<Data> is not closed: the document ends first \(and 3 enclosing elements are not closed either\)/);
    assert.equal(doc.value(3), '404');
    assert.equal(doc.value(doc.count - 1), '21');
  });

  it('reports unterminated comments, CDATA and attribute values without hanging', () => {
    assert.match(parseXml('<a><!-- never closed').errors[0].message, /Comment is not closed/);
    assert.match(parseXml('<a><![CDATA[ never closed').errors[0].message, /CDATA section is not closed/);
    const attr = parseXml('<a x="never closed><b>1</b></a>');
    assert.match(attr.errors[0].message, /Attribute value of 'x' is not closed/);
    assert.equal(attr.value(1), '1');
  });

  it('handles 200,000 nested elements without recursion', () => {
    const depth = 200_000;
    const text = '<Node>'.repeat(depth) + '</Node>'.repeat(depth);
    const doc = parseXml(text);
    assert.equal(doc.count, depth);
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.parent[depth - 1], depth - 2);
    assert.equal(doc.subtreeEnd[0], depth);
  });

  it('knows where every start tag ends and every end tag starts, plain or not', () => {
    // [tag text of the element up to its content, content, end tag text]
    const text =
      '<SyncML><A>1</A><B x="1">2</B><C >3</C ><D/><E  /><F y=\'2\'/><G>4</G\n><H><I>5</H><J>6</J>' +
      '<K a="unclosed>7</K><L>8';
    const doc = parseXml(text);
    const tags: Record<string, [string, string]> = {};
    for (let i = 0; i < doc.count; i++) {
      const close = doc.closeStart[i];
      tags[doc.tagName(i)] = [text.slice(doc.start[i], doc.openEnd[i]), close >= 0 ? text.slice(close, doc.end[i]) : '(none)'];
    }
    assert.deepEqual(tags, {
      SyncML: ['<SyncML>', '(none)'],
      A: ['<A>', '</A>'],
      B: ['<B x="1">', '</B>'],
      C: ['<C >', '</C >'],
      D: ['<D/>', '(none)'],
      E: ['<E  />', '(none)'],
      F: ["<F y='2'/>", '(none)'],
      G: ['<G>', '</G\n>'],
      H: ['<H>', '</H>'],
      I: ['<I>', '(none)'],
      J: ['<J>', '</J>'],
      K: ['<K a="unclosed>7', '</K>'],
      L: ['<L>', '(none)'],
    });
    assert.equal(doc.value(1), '1');
    assert.equal(doc.value(2), '2');
    assert.equal(doc.value(3), '3');
  });

  it('finds the innermost element at an offset', () => {
    const text = '<Status><Cmd>Get</Cmd><Data>404</Data></Status>';
    const doc = parseXml(text);
    assert.equal(doc.tagName(doc.elementAt(text.indexOf('404') + 1)), 'Data');
    assert.equal(doc.tagName(doc.elementAt(text.indexOf('Get'))), 'Cmd');
    assert.equal(doc.elementAt(text.length + 5), -1);
  });

  it('caps the number of errors on binary-looking input', () => {
    const doc = parseXml('<a>' + '& <'.repeat(5000));
    assert.ok(doc.errors.length <= 500);
    assert.equal(doc.errorsTruncated, true);
  });
});

describe('XML scanner: the caller says which elements to mark and which attributes to record', () => {
  const text =
    '<SyncML xmlns:msft="http://schemas.microsoft.com/MobileDevice/MDM"><SyncBody>' +
    '<Status><Data msft:originalerror="0x87D10194" other="1">404</Data></Status>' +
    '<Get><Item/></Get><Exec><Item/></Exec><Foo originalerror="x"/></SyncBody></SyncML>';
  const marked = (doc: ReturnType<typeof parseXml>) => Array.from(doc.marks.subarray(0, doc.markCount), (i) => doc.tagName(i));

  it('without a spec, nothing is marked and no attribute is recorded', () => {
    const doc = parseXml(text);
    assert.equal(doc.markCount, 0);
    assert.deepEqual(doc.attributes, []);
  });

  it('a spec marks its elements in document order and records its attributes by local name, any prefix', () => {
    const doc = parseXml(text, compileScanSpec({ marked: [N.Status, N.Exec], attributes: ['originalerror'] }));
    assert.deepEqual(marked(doc), ['Status', 'Exec']);
    assert.deepEqual(
      doc.attributes.map((a) => `${doc.tagName(a.element)} ${text.slice(a.nameStart, a.nameEnd)}=${text.slice(a.valueStart, a.valueEnd)}`),
      ['Data msft:originalerror=0x87D10194', 'Foo originalerror=x'],
    );
    const other = parseXml(text, compileScanSpec({ marked: [], attributes: ['other'] }));
    assert.deepEqual(other.attributes.map((a) => text.slice(a.valueStart, a.valueEnd)), ['1']);
  });

  it('the context layer\'s spec marks the elements it walks and the HRESULT attribute', () => {
    const doc = parseXml(text, CONTEXT_SCAN);
    // Get and Exec too as tree commands (context/treeItems.ts reads their items from the marks).
    assert.deepEqual(marked(doc), ['SyncML', 'Status', 'Get', 'Exec']);
    assert.equal(doc.attributes.length, 2);
  });

  it('a spec that marks no known name is refused', () => {
    assert.throws(() => compileScanSpec({ marked: [0], attributes: [] }), /not an element name id/);
    assert.throws(() => compileScanSpec({ marked: [300], attributes: [] }), /not an element name id/);
  });
});
