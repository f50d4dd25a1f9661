import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type Analysis } from '../../server/src/api';
import { createLanguageService } from '../../server/src/languageService';

export const service = createLanguageService();

/** Split a fixture at its `|` cursor marker. */
export function cursor(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0) throw new Error('fixture has no | cursor');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

export function analyze(text: string, languageId = 'syncml', uri = 'file:///test.syncml'): Analysis {
  return service.analyze(TextDocument.create(uri, languageId, 1, text), languageId);
}

export function diagnostics(text: string, languageId = 'syncml'): Diagnostic[] {
  return service.doValidation(analyze(text, languageId), DEFAULT_SETTINGS);
}

/** Diagnostics with the text they cover, for compact assertions. */
export function findings(text: string, languageId = 'syncml'): { code: string; covered: string; message: string; severity?: number }[] {
  const a = analyze(text, languageId);
  return service.doValidation(a, DEFAULT_SETTINGS).map((d) => ({
    code: String(d.code),
    covered: text.slice(a.document.offsetAt(d.range.start), a.document.offsetAt(d.range.end)),
    message: String(d.message),
    severity: d.severity,
  }));
}

export function hoverAt(fixture: string, languageId = 'syncml'): string | undefined {
  const { text, offset } = cursor(fixture);
  const a = analyze(text, languageId);
  const h = service.doHover(a, a.document.positionAt(offset));
  if (!h) return undefined;
  const c = h.contents as { value: string };
  return c.value;
}

export function completionsAt(fixture: string, languageId = 'syncml'): string[] {
  const { text, offset } = cursor(fixture);
  const a = analyze(text, languageId);
  const list = service.doComplete(a, a.document.positionAt(offset));
  return list.items.slice().sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label)).map((i) => i.label);
}

/** A DM message around a body, as a device would send it. */
export function dmMessage(body: string, opts: { msgId?: number; proto?: string; source?: string; sessionId?: string } = {}): string {
  return `<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>${opts.proto ?? 'DM/1.2'}</VerProto>
    <SessionID>${opts.sessionId ?? '1'}</SessionID>
    <MsgID>${opts.msgId ?? 2}</MsgID>
    <Target><LocURI>${opts.source === 'server' ? 'IMEI:1' : 'https://dm.example.com'}</LocURI></Target>
    <Source><LocURI>${opts.source === 'server' ? 'https://dm.example.com' : 'IMEI:1'}</LocURI></Source>
  </SyncHdr>
  <SyncBody>
${body}
    <Final/>
  </SyncBody>
</SyncML>
`;
}

export function status(cmd: string, code: string, cmdRef = 3): string {
  return `    <Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>${cmdRef}</CmdRef><Cmd>${cmd}</Cmd><Data>${code}</Data></Status>`;
}

export function genericAlert(type: string, data: string, extra = ''): string {
  return `    <Alert>
      <CmdID>4</CmdID>
      <Data>1226</Data>
      <Item>
        ${extra}
        <Meta><Type xmlns="syncml:metinf">${type}</Type><Format xmlns="syncml:metinf">int</Format><Mark xmlns="syncml:metinf">warning</Mark></Meta>
        <Data>${data}</Data>
      </Item>
    </Alert>`;
}
