/**
 * The WBXML tag code pages of SyncML, MetInf, DevInf and the DM DDF, and the public identifiers
 * that name them. Facts of the OMA specifications, token by token:
 *
 * - SyncML, code page 0: OMA-TS-SyncML_RepPro-V1_2 §8 "WBXML Definition" (SyncML Representation
 *   Protocol 1.2; the 1.1 document, syncml_represent_v11_20020215, has the same page up to 0x34).
 * - MetInf, code page 1: OMA-TS-SyncML_MetaInfo-V1_2 §7 "WBXML Definition" (1.1: up to 0x15).
 * - DevInf, code page 0 of its own document: OMA-TS-DS_DevInf-V1_2 §8 (1.1: devinf_v11_20020215;
 *   0x1C is Size in 1.1 and MaxSize in 1.2).
 * - DM DDF, code page 2: OMA-TS-DM_TND-V1_2 §6 "WBXML encoding" (Tree and Description).
 * - Public identifiers: WAP-192-WBXML §7.2.1 and the OMA registry (0x0FD1–0x0FD4, 0x1201–0x1203).
 *
 * Cross-checked against libwbxml's tables (src/wbxml_tables.c), which agree.
 */

/** Tag names of one code page, indexed by token (0x05–0x3F); holes are undefined. */
export type CodePage = readonly (string | undefined)[];

function page(first: number, names: readonly (string | undefined)[]): CodePage {
  const out: (string | undefined)[] = new Array(0x40).fill(undefined);
  names.forEach((n, i) => (out[first + i] = n));
  return out;
}

/** SyncML 1.2 page 0 (1.1 is the same up to 0x34; 0x30 is reserved). */
const SYNCML: CodePage = page(0x05, [
  'Add', 'Alert', 'Archive', 'Atomic', 'Chal', 'Cmd', 'CmdID', 'CmdRef', 'Copy', 'Cred', 'Data',
  'Delete', 'Exec', 'Final', 'Get', 'Item', 'Lang', 'LocName', 'LocURI', 'Map', 'MapItem', 'Meta',
  'MsgID', 'MsgRef', 'NoResp', 'NoResults', 'Put', 'Replace', 'RespURI', 'Results', 'Search',
  'Sequence', 'SessionID', 'SftDel', 'Source', 'SourceRef', 'Status', 'Sync', 'SyncBody', 'SyncHdr',
  'SyncML', 'Target', 'TargetRef', undefined, 'VerDTD', 'VerProto', 'NumberOfChanges', 'MoreData',
  // SyncML 1.2 only
  'Field', 'Filter', 'Record', 'FilterType', 'SourceParent', 'TargetParent', 'Move', 'Correlator',
]);

/** MetInf page 1 (FieldLevel, 0x16, is 1.2 only). */
const METINF: CodePage = page(0x05, [
  'Anchor', 'EMI', 'Format', 'FreeID', 'FreeMem', 'Last', 'Mark', 'MaxMsgSize', 'Mem', 'MetInf',
  'Next', 'NextNonce', 'SharedMem', 'Size', 'Type', 'Version', 'MaxObjSize', 'FieldLevel',
]);

const DEVINF_11_NAMES = [
  'CTCap', 'CTType', 'DataStore', 'DataType', 'DevID', 'DevInf', 'DevTyp', 'DisplayName', 'DSMem',
  'Ext', 'FwV', 'HwV', 'Man', 'MaxGUIDSize', 'MaxID', 'MaxMem', 'Mod', 'OEM', 'ParamName', 'PropName',
  'Rx', 'Rx-Pref', 'SharedMem', 'Size', 'SourceRef', 'SwV', 'SyncCap', 'SyncType', 'Tx', 'Tx-Pref',
  'ValEnum', 'VerCT', 'VerDTD', 'XNam', 'XVal', 'UTC', 'SupportNumberOfChanges', 'SupportLargeObjs',
];
const DEVINF_11: CodePage = page(0x05, DEVINF_11_NAMES);
const DEVINF_12: CodePage = page(0x05, [
  ...DEVINF_11_NAMES.map((n) => (n === 'Size' ? 'MaxSize' : n)),
  'Property', 'PropParam', 'MaxOccur', 'NoTruncate', undefined, 'Filter-Rx', 'FilterCap',
  'FilterKeyword', 'FieldLevel', 'SupportHierarchicalSync',
]);

/** DM DDF 1.2 page 2. */
const DDF: CodePage = page(0x05, [
  'AccessType', 'ACL', 'Add', 'b64', 'bin', 'bool', 'chr', 'CaseSense', 'CIS', 'Copy', 'CS', 'date',
  'DDFName', 'DefaultValue', 'Delete', 'Description', 'DFFormat', 'DFProperties', 'DFTitle', 'DFType',
  'Dynamic', 'Exec', 'float', 'Format', 'Get', 'int', 'Man', 'MgmtTree', 'MIME', 'Mod', 'Name', 'Node',
  'node', 'NodeName', 'null', 'Occurrence', 'One', 'OneOrMore', 'OneOrN', 'Path', 'Permanent',
  'Replace', 'RTProperties', 'Scope', 'Size', 'time', 'Title', 'TStamp', 'Type', 'Value', 'VerDTD',
  'VerNo', 'xml', 'ZeroOrMore', 'ZeroOrN', 'ZeroOrOne',
]);

/** One code page of a vocabulary: its tags and the namespace its elements carry in XML. */
export interface PageSpec {
  tags: CodePage;
  namespace: string;
}

/** A WBXML vocabulary: the pages its documents may switch to, by page number. */
export interface Vocabulary {
  /** Short name for messages: "SyncML 1.2". */
  name: string;
  /** The XML public identifier ("-//SYNCML//DTD SyncML 1.2//EN"). */
  publicId: string;
  pages: ReadonlyMap<number, PageSpec>;
}

function syncml(version: '1.1' | '1.2', publicId: string): Vocabulary {
  return {
    name: `SyncML ${version}`,
    publicId,
    pages: new Map([
      [0, { tags: SYNCML, namespace: `SYNCML:SYNCML${version}` }],
      [1, { tags: METINF, namespace: 'syncml:metinf' }],
      // DM messages carry DDF trees inline (Results of a Get on a tree node), on page 2.
      [2, { tags: DDF, namespace: 'syncml:dmddf1.2' }],
    ]),
  };
}

function devinf(version: '1.1' | '1.2', publicId: string, tags: CodePage): Vocabulary {
  return { name: `DevInf ${version}`, publicId, pages: new Map([[0, { tags, namespace: 'syncml:devinf' }]]) };
}

const SYNCML_10 = { ...syncml('1.1', '-//SYNCML//DTD SyncML 1.0//EN'), name: 'SyncML 1.0' };
const SYNCML_11 = syncml('1.1', '-//SYNCML//DTD SyncML 1.1//EN');
const SYNCML_12 = syncml('1.2', '-//SYNCML//DTD SyncML 1.2//EN');
const METINF_12: Vocabulary = {
  name: 'MetInf 1.2',
  publicId: '-//SYNCML//DTD MetInf 1.2//EN',
  pages: new Map([[1, { tags: METINF, namespace: 'syncml:metinf' }]]),
};
const DEVINF_10V = { ...devinf('1.1', '-//SYNCML//DTD DevInf 1.0//EN', DEVINF_11), name: 'DevInf 1.0' };
const DEVINF_11V = devinf('1.1', '-//SYNCML//DTD DevInf 1.1//EN', DEVINF_11);
const DEVINF_12V = devinf('1.2', '-//SYNCML//DTD DevInf 1.2//EN', DEVINF_12);
const DDF_12: Vocabulary = {
  name: 'DM DDF 1.2',
  publicId: '-//OMA//DTD-DM-DDF 1.2//EN',
  pages: new Map([[2, { tags: DDF, namespace: 'syncml:dmddf1.2' }]]),
};

/** By the numeric public identifier of the WBXML header. */
const BY_NUMBER: ReadonlyMap<number, Vocabulary> = new Map([
  [0x0fd1, SYNCML_10],
  [0x0fd2, DEVINF_10V],
  [0x0fd3, SYNCML_11],
  [0x0fd4, DEVINF_11V],
  [0x1201, SYNCML_12],
  [0x1202, METINF_12],
  [0x1203, DEVINF_12V],
]);

/** By the public identifier written as a string (a string-table public id). */
const BY_STRING: ReadonlyMap<string, Vocabulary> = new Map(
  [SYNCML_10, SYNCML_11, SYNCML_12, METINF_12, DEVINF_10V, DEVINF_11V, DEVINF_12V, DDF_12].map((v) => [v.publicId, v]),
);

export function vocabularyByNumber(id: number): Vocabulary | undefined {
  return BY_NUMBER.get(id);
}

export function vocabularyByString(id: string): Vocabulary | undefined {
  return BY_STRING.get(id.trim());
}

/**
 * For an unknown public id (0x01, or one we do not know): SyncML 1.2 with its MetInf and DDF
 * pages, a superset of what SyncML and DM documents use.
 */
export const FALLBACK_VOCABULARY: Vocabulary = { ...SYNCML_12, name: 'unknown public id, read as SyncML 1.2' };
