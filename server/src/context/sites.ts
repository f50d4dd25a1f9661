/**
 * Context resolution: every place in a document where a number stands, and the family that the
 * place demands, with the reason. The same number means different things in different places.
 */
import type { Catalog } from '../catalog/api';
import type { AlertTypeInfo, FamilyId } from '../catalog/types';
import { TREE_COMMAND_NAMES, treeItems, type TreeItem } from './treeItems';
import { lookupName, N, NAMES } from '../model/names';
import type { XmlDocument } from '../model/xmlDocument';
import { compileScanSpec, parseXml } from '../model/scanner';
import { holdShape, STORED_ONLY } from '../model/shapes';
import { CommandMatcher, MATCHED_COMMAND_NAMES, MATCHED_COMMANDS, messageKey, NO_MESSAGE } from './commandIndex';
import { DS_ONLY_NAMES, DsMarkers, verProtoIsDm } from './messageKind';
import {
  hasMoHint,
  joinPath,
  MAX_STATE_DEPTH,
  mayNameStateNode,
  moFromIdentifier,
  moFromPath,
  RESULT_FAMILY,
  splitAtMost,
  stateFamily,
  type MoName,
} from './moPaths';

export type SiteKind = 'status' | 'alert' | 'alert-item' | 'exec-result' | 'state' | 'hresult';

/** What a code site is, by name: built once per site, so no two like-typed arguments can be swapped. */
interface SiteSpec {
  /** For a Status: the Status element, whose children make the reason (built only when asked). */
  owner: number;
  kind: SiteKind;
  family: FamilyId;
  /** A DM message (DM-only checks apply); false for SyncML DS. */
  dm: boolean;
  /** Why this family applies here; for a Status, what follows "Status for Cmd (CmdRef, MsgRef)". */
  note: string;
  /** A second family that also fits here: a synchronous Exec on an MO node answers with its result code. */
  alsoAccepts?: FamilyId;
  /** The command a Status answers (its Cmd). */
  command?: string;
  /** Statuses the protocol lists for this place (DM per-command table, or the Generic Alert rule). */
  allowed?: readonly number[];
  /** What `allowed` is the list for, e.g. "Get" or "a Generic Alert (1226)". */
  allowedFor?: string;
}

/** Where a site's number stands: its element and its characters. */
interface SitePlace {
  /** The Data / Value / DefaultValue element, or -1 for an attribute. */
  element: number;
  /** The number's characters, whitespace excluded (start === end when empty). */
  start: number;
  end: number;
}

/** A place where a number stands. A class, so every site has one shape (the hot path makes many). */
export class CodeSite {
  private readonly owner: number;
  readonly kind: SiteKind;
  readonly element: number;
  readonly start: number;
  readonly end: number;
  readonly family: FamilyId;
  readonly dm: boolean;
  private readonly note: string;
  readonly alsoAccepts: FamilyId | undefined;
  readonly command: string | undefined;
  readonly allowed: readonly number[] | undefined;
  readonly allowedFor: string | undefined;

  constructor(private readonly doc: XmlDocument, spec: SiteSpec, place: SitePlace) {
    this.owner = spec.owner;
    this.kind = spec.kind;
    this.element = place.element;
    this.start = place.start;
    this.end = place.end;
    this.family = spec.family;
    this.dm = spec.dm;
    this.note = spec.note;
    this.alsoAccepts = spec.alsoAccepts;
    this.command = spec.command;
    this.allowed = spec.allowed;
    this.allowedFor = spec.allowedFor;
  }

  /** Why this family applies here, for hover and messages. */
  get reason(): string {
    if (this.kind !== 'status') return this.note;
    return statusHeading(this.doc, this.owner, this.command ?? '') + this.note;
  }
}

/**
 * "Status for Replace (CmdRef 5, MsgRef 1)": a Status by what it answers, in the words of a Status
 * site's reason and of where a code stands (features/place.ts). `command` is the Status's Cmd.
 */
export function statusHeading(doc: XmlDocument, status: number, command = doc.value(doc.child(status, N.Cmd))): string {
  const cmdRef = doc.value(doc.child(status, N.CmdRef));
  const msgRef = doc.value(doc.child(status, N.MsgRef));
  let r = command ? `Status for ${command}` : 'Status';
  if (cmdRef) r += ` (CmdRef ${cmdRef}${msgRef ? `, MsgRef ${msgRef}` : ''})`;
  return r;
}

/** A Generic Alert or Client Event item's Meta/Type string. */
export interface TypeSite {
  start: number;
  end: number;
  type: string;
  info: AlertTypeInfo | undefined;
  /** 1226 Generic Alert or 1224 Client Event. */
  alert: number;
  /** The family the item's data was decoded with (from the type, or failing that from Source/LocURI). */
  family?: FamilyId;
}

interface MessageInfo {
  element: number;
  dm: boolean;
  msgId: string;
  /** SyncHdr/Source/LocURI: who sent it. */
  source: string;
}

export interface Contexts {
  /** Sorted by start offset. */
  sites: CodeSite[];
  typeSites: TypeSite[];
  messages: MessageInfo[];
  /** The items that address a DM tree node (treeItems.ts), which the state-node sites are read from too. */
  treeItems: TreeItem[];
}

/** Windows' answer to a Generic Alert may only be one of these (codes.md §1.2, DM Protocol / MS-MDM). */
const GENERIC_ALERT_STATUSES: readonly number[] = [200, 202, 401, 407, 412, 415, 500];

/**
 * Two site lists as one sorted by start. The walk makes its sites in document order but for a few
 * (an Alert's items before its Data, a DDF DefaultValue before its Value); the HRESULT attributes
 * come in order too. Merged in one pass; sorted only when a list is out of order.
 */
function mergeByStart(a: CodeSite[], b: CodeSite[]): CodeSite[] {
  if (!isSorted(a) || !isSorted(b)) return a.concat(b).sort((x, y) => x.start - y.start);
  if (b.length === 0) return a;
  const out: CodeSite[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) out[k] = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
  return out;
}

function isSorted(sites: readonly CodeSite[]): boolean {
  for (let k = 1; k < sites.length; k++) if (sites[k].start < sites[k - 1].start) return false;
  return true;
}

/** A DDF / TNDS node being resolved: its full URI, the MO it belongs to, and whether its URI names one. */
interface NodeInfo {
  element: number;
  path: string;
  mo?: { name: MoName; root: string };
  hint: boolean;
}

/** A Generic Alert item's Meta/Format under which its data is still a code. */
function isCodeFormat(format: string): boolean {
  const f = format.toLowerCase();
  return f === 'int' || f === 'text/plain';
}

/**
 * What the context layer asks the scanner for (parseXml(text, CONTEXT_SCAN)): the elements the walk
 * below visits, listed as the scanner goes so that no walk touches every element (where codes stand,
 * the commands a Status is matched with, the elements only SyncML DS has), and the attribute that
 * carries Windows' HRESULT (msft:originalerror).
 */
export const CONTEXT_SCAN = compileScanSpec({
  marked: [N.SyncML, N.Status, N.Alert, N.Node, ...TREE_COMMAND_NAMES, ...MATCHED_COMMAND_NAMES, ...DS_ONLY_NAMES],
  attributes: ['originalerror'],
});

/** Every HRESULT attribute site is the same kind of site. */
const HRESULT_SITE: SiteSpec = {
  owner: -1,
  kind: 'hresult',
  family: 'syncml-status',
  dm: true,
  note: 'Windows HRESULT of the original error (msft:originalerror)',
};

export function resolveContexts(doc: XmlDocument, catalog: Catalog): Contexts {
  return new Resolver(doc, catalog).run();
}

class Resolver {
  private sites: CodeSite[] = [];
  private readonly typeSites: TypeSite[] = [];
  private readonly messages: MessageInfo[] = [];
  /** Message index per SyncML element. */
  private readonly messageIndex = new Map<number, number>();
  /** The message the marked element being resolved sits in (nearest SyncML ancestor), if any. */
  private current: MessageInfo | undefined;
  /** The Alert and Exec commands met so far, for a Status to find the one it answers. */
  private readonly commands: CommandMatcher;
  private readonly dsMarkers: DsMarkers;
  /** Node element -> its full URI and the MO it belongs to (DM tree files). */
  private readonly nodes: NodeInfo[] = [];
  private readonly items: TreeItem[];
  /** The first tree item not yet read by itemStates (commands are met in document order). */
  private nextItem = 0;

  constructor(private readonly doc: XmlDocument, private readonly catalog: Catalog) {
    this.items = treeItems(doc);
    this.dsMarkers = new DsMarkers(doc);
    this.commands = new CommandMatcher(doc, (syncml) => this.messageAt(syncml));
  }

  run(): Contexts {
    const { doc } = this;
    const names = doc.name;
    const subtreeEnd = doc.subtreeEnd;
    const marks = doc.marks;
    const count = doc.markCount;
    // The SyncML elements enclosing the current mark, innermost last. Marks come in document order and
    // include every SyncML, so the enclosing message is known without walking up the parents (which
    // costs the depth per element: quadratic on deeply nested input).
    const open: number[] = [];
    const openInfo: MessageInfo[] = [];
    const openKey: number[] = [];
    for (let k = 0; k < count; k++) {
      const i = marks[k];
      while (open.length > 0 && i >= subtreeEnd[open[open.length - 1]]) {
        open.pop();
        openInfo.pop();
        openKey.pop();
      }
      const top = open.length - 1;
      this.current = top >= 0 ? openInfo[top] : undefined;
      const n = names[i];
      if (MATCHED_COMMANDS[n] === 1) {
        if (top >= 0) this.commands.file(i, open[top], openInfo[top].msgId, openKey[top]);
        else this.commands.file(i, -1, '', NO_MESSAGE);
      }
      switch (n) {
        case N.SyncML: {
          const info = this.message(i);
          open.push(i);
          openInfo.push(info);
          openKey.push(messageKey(info.msgId));
          break;
        }
        case N.Status:
          this.status(i);
          break;
        case N.Alert:
          this.alert(i);
          break;
        case N.Add:
        case N.Replace:
          this.itemStates(i);
          break;
        case N.Results:
          this.itemStates(i);
          break;
        case N.Node:
          this.node(i);
          break;
      }
    }
    // The HRESULT attribute sites, in document order as the scanner met them.
    const hresults = doc.attributes.map((a) => new CodeSite(doc, HRESULT_SITE, { element: -1, start: a.valueStart, end: a.valueEnd }));
    this.sites = mergeByStart(this.sites, hresults);
    return { sites: this.sites, typeSites: this.typeSites, messages: this.messages, treeItems: this.items };
  }

  private value(i: number): string {
    return this.doc.value(i);
  }

  /**
   * value(i) for an element that usually holds an element name (a Status's Cmd): the vocabulary's own
   * string when it is one, so that no string is cut from the text and the catalog's map look-up by
   * it finds a hash already computed.
   */
  private nameValue(i: number): string {
    if (i < 0) return '';
    const { doc } = this;
    doc.trim(i);
    const id = lookupName(doc.text, doc.trimStart, doc.trimEnd);
    return id !== 0 ? NAMES[id] : doc.text.slice(doc.trimStart, doc.trimEnd);
  }

  private message(i: number): MessageInfo {
    const doc = this.doc;
    const hdr = doc.child(i, N.SyncHdr);
    const verProto = hdr >= 0 ? this.value(doc.child(hdr, N.VerProto)) : '';
    const info: MessageInfo = {
      element: i,
      // DS messages say SyncML/1.x; DM says DM/1.x. Without VerProto, DS-only elements decide; else DM.
      dm: verProto ? verProtoIsDm(verProto) : !this.dsMarkers.within(i + 1, doc.subtreeEnd[i]),
      msgId: hdr >= 0 ? this.value(doc.child(hdr, N.MsgID)) : '',
      source: hdr >= 0 ? this.value(doc.path(hdr, N.Source, N.LocURI)) : '',
    };
    this.messageIndex.set(i, this.messages.length);
    this.messages.push(info);
    return info;
  }

  /** DM or DS for the current mark: its message's VerProto, or for a fragment, the whole document's markers. */
  private isDm(): boolean {
    const m = this.current;
    return m ? m.dm : this.dsMarkers.fragmentIsDmDocument();
  }

  /** The message of a SyncML element, once resolved (undefined before, and for -1). */
  private messageAt(syncml: number): MessageInfo | undefined {
    if (syncml < 0) return undefined;
    const k = this.messageIndex.get(syncml);
    return k === undefined ? undefined : this.messages[k];
  }

  /** Scratch for dataSite: CodeSite copies the place, so one object serves every site. */
  private readonly place: SitePlace = { element: -1, start: 0, end: 0 };

  /** A site at an element's number (its text, whitespace excluded). */
  private dataSite(el: number, spec: SiteSpec): void {
    const { doc, place } = this;
    doc.trim(el);
    place.element = el;
    place.start = doc.trimStart;
    place.end = doc.trimEnd;
    this.sites.push(new CodeSite(doc, spec, place));
  }

  private status(i: number): void {
    const { doc, catalog } = this;
    // One pass over the Status's children instead of a search per child.
    let data = -1;
    let cmdEl = -1;
    let cmdRefEl = -1;
    let msgRefEl = -1;
    let targetRefEl = -1;
    const stop = doc.subtreeEnd[i];
    for (let c = i + 1; c < stop; c = doc.subtreeEnd[c]) {
      switch (doc.name[c]) {
        case N.Data: if (data < 0) data = c; break;
        case N.Cmd: if (cmdEl < 0) cmdEl = c; break;
        case N.CmdRef: if (cmdRefEl < 0) cmdRefEl = c; break;
        case N.MsgRef: if (msgRefEl < 0) msgRefEl = c; break;
        case N.TargetRef: if (targetRefEl < 0) targetRefEl = c; break;
      }
    }
    if (data < 0) return;
    const cmd = this.nameValue(cmdEl);
    const dm = this.isDm();
    let allowed = cmd ? catalog.statusesForCommand(cmd) : undefined;
    let allowedFor = cmd || undefined;
    let alsoAccepts: FamilyId | undefined;
    let reason = '';

    // Only answers to Alert (a Generic Alert?) and Exec (on an MO node?) depend on the command itself.
    let target = cmd === 'Exec' ? this.value(targetRefEl) : '';
    const cmdRef = cmd === 'Alert' || cmd === 'Exec' ? this.value(cmdRefEl) : '';
    if (cmdRef) {
      const answered = this.commands.answered(this.current, this.value(msgRefEl), cmdRef, cmd);
      if (answered >= 0) {
        if (doc.name[answered] === N.Alert && this.value(doc.child(answered, N.Data)) === '1226') {
          allowed = GENERIC_ALERT_STATUSES;
          allowedFor = 'a Generic Alert (1226)';
          reason += ', answering a Generic Alert';
        }
        if (!target && doc.name[answered] === N.Exec) {
          target = this.value(doc.path(answered, N.Item, N.Target, N.LocURI));
        }
      }
    }
    if (target) {
      const mo = moFromPath(target);
      if (mo && mo.mo !== 'HealthAttestation') {
        alsoAccepts = RESULT_FAMILY[mo.mo];
        reason += `; a synchronous Exec on ${target} may answer with a ${mo.mo} result code`;
      }
    }
    this.dataSite(data, { owner: i, kind: 'status', family: 'syncml-status', dm, note: reason, alsoAccepts, command: cmd || undefined, allowed, allowedFor });
  }

  private alert(i: number): void {
    const { doc } = this;
    const data = doc.child(i, N.Data);
    if (data < 0) return;
    const dm = this.isDm();
    this.dataSite(data, {
      owner: i,
      kind: 'alert',
      family: dm ? 'dm-alert' : 'ds-alert',
      dm,
      note: dm ? 'Alert code of a DM message' : 'Alert code of a SyncML DS message',
    });
    const code = this.value(data);
    if (code !== '1226' && code !== '1224') return;
    const alertMeta = doc.child(i, N.Meta);
    const stop = doc.subtreeEnd[i];
    for (let item = i + 1; item < stop; item = doc.subtreeEnd[item]) {
      if (doc.name[item] === N.Item) this.alertItem(item, alertMeta, Number(code), dm);
    }
  }

  private alertItem(item: number, alertMeta: number, alertCode: number, dm: boolean): void {
    const { doc, catalog } = this;
    const meta = doc.child(item, N.Meta);
    const typeEl = meta >= 0 ? doc.child(meta, N.Type) : alertMeta >= 0 ? doc.child(alertMeta, N.Type) : -1;
    const formatEl = meta >= 0 ? doc.child(meta, N.Format) : alertMeta >= 0 ? doc.child(alertMeta, N.Format) : -1;
    const data = doc.child(item, N.Data);
    let family: FamilyId | undefined;
    let reason = '';
    let typeSite: TypeSite | undefined;
    if (typeEl >= 0) {
      const [start, end] = doc.valueRange(typeEl);
      const type = doc.text.slice(start, end);
      const info = type ? catalog.alertType(type) : undefined;
      // family (set below) is in the literal: a property added afterwards would make a hidden class held only weakly (model/shapes.ts).
      typeSite = { start, end, type, info, alert: alertCode, family: undefined };
      this.typeSites.push(typeSite);
      if (info?.family) {
        family = info.family;
        reason = `Generic Alert of type ${type}`;
      }
    }
    // The Source path names the MO only when the type says nothing: a known type without a family
    // (FUMO's userrequest, whose data is vendor-specific or empty) is not a result report.
    if (!family && alertCode === 1226 && typeSite?.info === undefined) {
      const source = this.value(doc.path(item, N.Source, N.LocURI));
      const mo = source ? moFromPath(source) : undefined;
      if (mo && mo.mo !== 'HealthAttestation') {
        family = RESULT_FAMILY[mo.mo];
        reason = `Generic Alert from ${source} (a ${mo.mo} node)`;
      }
    }
    if (typeSite) typeSite.family = family;
    if (data < 0 || !family) return;
    const format = formatEl >= 0 ? this.value(formatEl) : '';
    // Meta/Format says the data is not a code, unless it is int or text/plain (Symbian's LAWMO adapter).
    if (format && !isCodeFormat(format)) return;
    this.dataSite(data, { owner: item, kind: 'alert-item', family, dm, note: reason });
  }

  /** Add / Replace / Results items whose URI names a state node: the data is that node's state value. */
  /** The state-node sites among a command's items (Add and Replace by Target, Results by Source). */
  private itemStates(cmd: number): void {
    const { doc, items } = this;
    let k = this.nextItem;
    while (k < items.length && items[k].command < cmd) k++;
    for (; k < items.length && items[k].command === cmd; k++) {
      const t = items[k];
      if (t.data < 0 || !mayNameStateNode(t.uri)) continue;
      const mo = moFromPath(t.uri);
      const family = mo && stateFamily(mo.mo, mo.rel);
      if (!family) continue;
      // The item's own Format only (a command's Meta is not read for a state value).
      const format = this.value(doc.path(t.item, N.Meta, N.Format));
      if (format && format.toLowerCase() !== 'int' && format.toLowerCase() !== 'chr') continue;
      this.dataSite(t.data, { owner: t.item, kind: 'state', family, dm: this.isDm(), note: `Value of the state node ${t.uri}` });
    }
    this.nextItem = k;
  }

  /** A DDF / TNDS node: build its URI, find its MO, and decode a state node's Value / DefaultValue. */
  private node(i: number): void {
    const { doc } = this;
    // One pass over the children for the ones we read (the first of each name, as child() finds).
    let nameEl = -1;
    let pathEl = -1;
    let props = -1;
    let rt = -1;
    let valueEl = -1;
    const stop = doc.subtreeEnd[i];
    for (let c = i + 1; c < stop; c = doc.subtreeEnd[c]) {
      switch (doc.name[c]) {
        case N.NodeName: if (nameEl < 0) nameEl = c; break;
        case N.Path: if (pathEl < 0) pathEl = c; break;
        case N.DFProperties: if (props < 0) props = c; break;
        case N.RTProperties: if (rt < 0) rt = c; break;
        case N.Value: if (valueEl < 0) valueEl = c; break;
      }
    }
    // An empty NodeName is a dynamic node; specs write it <x>.
    const name = this.value(nameEl) || '<x>';
    // The enclosing Node is the innermost one still open: Nodes come in document order (they are
    // marked), so a stack replaces a walk up the parents and a map from element to node.
    const nodes = this.nodes;
    while (nodes.length > 0 && i >= doc.subtreeEnd[nodes[nodes.length - 1].element]) nodes.pop();
    const parentInfo = nodes.length > 0 ? nodes[nodes.length - 1] : undefined;
    let path: string;
    // Whether the path names an MO anywhere (moFromPath's first test). A path built from the parent's
    // inherits the parent's answer: the MO names hold no '/', so none spans the joint. Long paths in
    // a DDF (a policy DDF has 5,800 nodes) are then never searched again for every node.
    let hint: boolean;
    if (pathEl >= 0) {
      path = joinPath(this.value(pathEl), name);
      hint = hasMoHint(path);
    } else if (parentInfo) {
      if (parentInfo.path.length > 4096) {
        path = parentInfo.path;
        hint = parentInfo.hint;
      } else {
        path = joinPath(parentInfo.path, name);
        hint = parentInfo.hint || hasMoHint(name);
      }
    } else {
      path = name;
      hint = hasMoHint(path);
    }

    let mo = parentInfo?.mo;
    const typeEl = props >= 0 ? doc.child(props, N.DFType) : rt >= 0 ? doc.child(rt, N.Type) : -1;
    if (typeEl >= 0) {
      const id = this.value(doc.child(typeEl, N.DDFName)) || this.value(doc.child(typeEl, N.MIME));
      const named = id ? moFromIdentifier(id) : undefined;
      if (named) mo = { name: named, root: path };
    }
    nodes.push({ element: i, path, mo, hint });

    let family: FamilyId | undefined;
    let label = path;
    if (mo) {
      const rel = path.length > mo.root.length ? splitAtMost(path, mo.root.length + 1, MAX_STATE_DEPTH) : [];
      family = rel && stateFamily(mo.name, rel);
      label = `${mo.name} node ${path}`;
    } else if (hint) {
      const byPath = moFromPath(path);
      family = byPath && stateFamily(byPath.mo, byPath.rel);
    }
    if (!family) return;
    const reason = `State value of the ${label}`;
    if (valueEl >= 0) this.dataSite(valueEl, { owner: i, kind: 'state', family, dm: true, note: reason });
    const def = props >= 0 ? doc.child(props, N.DefaultValue) : -1;
    if (def >= 0) this.dataSite(def, { owner: i, kind: 'state', family, dm: true, note: `Default ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` });
  }
}

// For their hidden classes (model/shapes.ts): a resolver, with its command matcher and DS markers,
// and a site. run() is not called.
const EMPTY_DOC = parseXml('');
holdShape(new Resolver(EMPTY_DOC, STORED_ONLY));
holdShape(new CodeSite(EMPTY_DOC, HRESULT_SITE, { element: -1, start: 0, end: 0 }));
