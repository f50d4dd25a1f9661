/**
 * Context resolution: every place in a document where a number stands, and the family that the
 * place demands, with the reason. The same number means different things in different places.
 */
import type { Catalog } from '../catalog/api';
import type { AlertTypeInfo, FamilyId } from '../catalog/types';
import { N } from '../model/names';
import type { XmlDocument } from '../model/xmlDocument';
import { joinPath, moFromIdentifier, moFromPath, RESULT_FAMILY, stateFamily, type MoName } from './moPaths';

export type SiteKind = 'status' | 'alert' | 'alert-item' | 'exec-result' | 'state' | 'hresult';

/** A place where a number stands. A class, so every site has one shape (the hot path makes many). */
export class CodeSite {
  constructor(
    private readonly doc: XmlDocument,
    /** For a Status: the Status element, whose children make the reason (built only when asked). */
    private readonly owner: number,
    readonly kind: SiteKind,
    /** The Data / Value / DefaultValue element, or -1 for an attribute. */
    readonly element: number,
    /** The number's characters, whitespace excluded (start === end when empty). */
    readonly start: number,
    readonly end: number,
    readonly family: FamilyId,
    /** A DM message (DM-only checks apply); false for SyncML DS. */
    readonly dm: boolean,
    /** Why this family applies here; for a Status, what follows "Status for Cmd (CmdRef, MsgRef)". */
    private readonly note: string,
    /** A second family that also fits here: a synchronous Exec on an MO node answers with its result code. */
    readonly alsoAccepts: FamilyId | undefined = undefined,
    /** The command a Status answers (its Cmd). */
    readonly command: string | undefined = undefined,
    /** Statuses the protocol lists for this place (DM per-command table, or the Generic Alert rule). */
    readonly allowed: readonly number[] | undefined = undefined,
    /** What `allowed` is the list for, e.g. "Get" or "a Generic Alert (1226)". */
    readonly allowedFor: string | undefined = undefined,
  ) {}

  /** Why this family applies here, for hover and messages. */
  get reason(): string {
    if (this.kind !== 'status') return this.note;
    const { doc, owner } = this;
    const cmdRef = doc.value(doc.child(owner, N.CmdRef));
    const msgRef = doc.value(doc.child(owner, N.MsgRef));
    let r = this.command ? `Status for ${this.command}` : 'Status';
    if (cmdRef) r += ` (CmdRef ${cmdRef}${msgRef ? `, MsgRef ${msgRef}` : ''})`;
    return r + this.note;
  }
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

export interface MessageInfo {
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
}

/** Windows' answer to a Generic Alert may only be one of these (codes.md §1.2, DM Protocol / MS-MDM). */
export const GENERIC_ALERT_STATUSES: readonly number[] = [200, 202, 401, 407, 412, 415, 500];

const COMMANDS = new Set<number>([
  N.Add, N.Alert, N.Atomic, N.Copy, N.Delete, N.Exec, N.Get, N.Replace, N.Sequence, N.Results,
  N.Sync, N.Map, N.Put, N.Search, N.Move,
]);

export function resolveContexts(doc: XmlDocument, catalog: Catalog): Contexts {
  return new Resolver(doc, catalog).run();
}

class Resolver {
  private readonly sites: CodeSite[] = [];
  private readonly typeSites: TypeSite[] = [];
  private readonly messages: MessageInfo[] = [];
  /** Message index per SyncML element. */
  private readonly messageIndex = new Map<number, number>();
  private commandIndex: Map<string, number[]> | undefined;
  /** Node element -> its full URI and the MO it belongs to (DM tree files). */
  private readonly nodes = new Map<number, { path: string; mo?: { name: MoName; root: string } }>();

  constructor(private readonly doc: XmlDocument, private readonly catalog: Catalog) {}

  run(): Contexts {
    const { doc } = this;
    const names = doc.name;
    const marks = doc.marks;
    const count = doc.markCount;
    for (let k = 0; k < count; k++) {
      const i = marks[k];
      switch (names[i]) {
        case N.SyncML:
          this.message(i);
          break;
        case N.Status:
          this.status(i);
          break;
        case N.Alert:
          this.alert(i);
          break;
        case N.Add:
        case N.Replace:
          this.itemStates(i, N.Target);
          break;
        case N.Results:
          this.itemStates(i, N.Source);
          break;
        case N.Node:
          this.node(i);
          break;
      }
    }
    for (const a of doc.attributes) {
      this.sites.push(
        new CodeSite(doc, -1, 'hresult', -1, a.valueStart, a.valueEnd, 'syncml-status', true, 'Windows HRESULT of the original error (msft:originalerror)'),
      );
    }
    this.sites.sort((a, b) => a.start - b.start);
    return { sites: this.sites, typeSites: this.typeSites, messages: this.messages };
  }

  private value(i: number): string {
    return this.doc.value(i);
  }

  private message(i: number): void {
    const doc = this.doc;
    const hdr = doc.child(i, N.SyncHdr);
    const verProto = hdr >= 0 ? this.value(doc.child(hdr, N.VerProto)) : '';
    const info: MessageInfo = {
      element: i,
      // DS messages say SyncML/1.x; DM says DM/1.x. Without VerProto, DS-only elements decide; else DM.
      dm: verProto ? !/^syncml\//i.test(verProto) : !this.hasDsMarkers(i + 1, doc.subtreeEnd[i]),
      msgId: hdr >= 0 ? this.value(doc.child(hdr, N.MsgID)) : '',
      source: hdr >= 0 ? this.value(doc.path(hdr, N.Source, N.LocURI)) : '',
    };
    this.messageIndex.set(i, this.messages.length);
    this.messages.push(info);
  }

  private fragmentIsDm: boolean | undefined;

  /** Elements only SyncML DS has (sync anchors, Sync, Map) in elements [from, to). */
  private hasDsMarkers(from: number, to: number): boolean {
    const names = this.doc.name;
    for (let k = from; k < to; k++) {
      const n = names[k];
      if (n === N.Anchor || n === N.Sync || n === N.Map || n === N.MapItem) return true;
    }
    return false;
  }

  /** DM or DS for an element: its message's VerProto, or for a fragment, the whole document's markers. */
  private isDm(i: number): boolean {
    const m = this.messageOf(i);
    if (m) return m.dm;
    this.fragmentIsDm ??= !this.hasDsMarkers(0, this.doc.count);
    return this.fragmentIsDm;
  }

  /** The message element i sits in (nearest SyncML ancestor), or undefined in a fragment. */
  private messageOf(i: number): MessageInfo | undefined {
    const { doc } = this;
    for (let p = doc.parent[i]; p >= 0; p = doc.parent[p]) {
      if (doc.name[p] === N.SyncML) {
        const k = this.messageIndex.get(p);
        return k === undefined ? undefined : this.messages[k];
      }
    }
    return undefined;
  }

  private dataSite(
    owner: number,
    el: number,
    kind: SiteKind,
    family: FamilyId,
    dm: boolean,
    reason: string,
    alsoAccepts?: FamilyId,
    command?: string,
    allowed?: readonly number[],
    allowedFor?: string,
  ): void {
    const doc = this.doc;
    doc.trim(el);
    this.sites.push(new CodeSite(doc, owner, kind, el, doc.trimStart, doc.trimEnd, family, dm, reason, alsoAccepts, command, allowed, allowedFor));
  }

  /** The command a Status answers, when it is in the same file (a saved trace). */
  private answeredCommand(status: number, msgRef: string, cmdRef: string, cmd: string): number {
    const { doc } = this;
    if (!this.commandIndex) {
      this.commandIndex = new Map();
      for (let i = 0; i < doc.count; i++) {
        if (!COMMANDS.has(doc.name[i])) continue;
        const id = this.value(doc.child(i, N.CmdID));
        if (!id) continue;
        const key = `${this.messageOf(i)?.msgId ?? ''}\u0000${id}`;
        const list = this.commandIndex.get(key);
        if (list) list.push(i);
        else this.commandIndex.set(key, [i]);
      }
    }
    const own = this.messageOf(status);
    const candidates = this.commandIndex.get(`${own ? msgRef : ''}\u0000${cmdRef}`);
    if (!candidates) return -1;
    let best = -1;
    for (const c of candidates) {
      if (doc.start[c] > doc.start[status]) break;
      if (doc.tagName(c).replace(/^.*:/, '') !== cmd) continue;
      const theirs = this.messageOf(c);
      // The command was sent by the other party: another message (or, in a fragment, anywhere).
      if (own && theirs && theirs === own) continue;
      if (own && theirs && own.source && theirs.source && own.source === theirs.source) continue;
      best = c;
    }
    return best;
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
    const cmd = this.value(cmdEl);
    const dm = this.isDm(i);
    let allowed = cmd ? catalog.statusesForCommand(cmd) : undefined;
    let allowedFor = cmd || undefined;
    let alsoAccepts: FamilyId | undefined;
    let reason = '';

    // Only answers to Alert (a Generic Alert?) and Exec (on an MO node?) depend on the command itself.
    let target = cmd === 'Exec' ? this.value(targetRefEl) : '';
    const cmdRef = cmd === 'Alert' || cmd === 'Exec' ? this.value(cmdRefEl) : '';
    if (cmdRef) {
      const answered = this.answeredCommand(i, this.value(msgRefEl), cmdRef, cmd);
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
    this.dataSite(i, data, 'status', 'syncml-status', dm, reason, alsoAccepts, cmd || undefined, allowed, allowedFor);
  }

  private alert(i: number): void {
    const { doc } = this;
    const data = doc.child(i, N.Data);
    if (data < 0) return;
    const dm = this.isDm(i);
    this.dataSite(
      i,
      data,
      'alert',
      dm ? 'dm-alert' : 'ds-alert',
      dm,
      dm ? 'Alert code of a DM message' : 'Alert code of a SyncML DS message',
    );
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
      typeSite = { start, end, type, info, alert: alertCode };
      this.typeSites.push(typeSite);
      if (info?.family) {
        family = info.family;
        reason = `Generic Alert of type ${type}`;
      }
    }
    if (!family && alertCode === 1226) {
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
    if (format && format.toLowerCase() !== 'int') return; // Meta/Format says the data is not a code
    this.dataSite(item, data, 'alert-item', family, dm, reason);
  }

  /** Add / Replace / Results items whose URI names a state node: the data is that node's state value. */
  private itemStates(cmd: number, uriParent: number): void {
    const { doc } = this;
    const stop = doc.subtreeEnd[cmd];
    for (let item = cmd + 1; item < stop; item = doc.subtreeEnd[item]) {
      if (doc.name[item] !== N.Item) continue;
      const uri = this.value(doc.path(item, uriParent, N.LocURI));
      if (!uri) continue;
      const mo = moFromPath(uri);
      const family = mo && stateFamily(mo.mo, mo.rel);
      if (!family) continue;
      const data = doc.child(item, N.Data);
      if (data < 0) continue;
      const format = this.value(doc.path(item, N.Meta, N.Format));
      if (format && format.toLowerCase() !== 'int' && format.toLowerCase() !== 'chr') continue;
      this.dataSite(item, data, 'state', family, this.isDm(cmd), `Value of the state node ${uri}`);
    }
  }

  /** A DDF / TNDS node: build its URI, find its MO, and decode a state node's Value / DefaultValue. */
  private node(i: number): void {
    const { doc } = this;
    // An empty NodeName is a dynamic node; specs write it <x>.
    const name = this.value(doc.child(i, N.NodeName)) || '<x>';
    const pathEl = doc.child(i, N.Path);
    let parentNode = doc.parent[i];
    while (parentNode >= 0 && doc.name[parentNode] !== N.Node) parentNode = doc.parent[parentNode];
    const parentInfo = parentNode >= 0 ? this.nodes.get(parentNode) : undefined;
    let path: string;
    if (pathEl >= 0) path = joinPath(this.value(pathEl), name);
    else if (parentInfo) path = parentInfo.path.length > 4096 ? parentInfo.path : joinPath(parentInfo.path, name);
    else path = name;

    let mo = parentInfo?.mo;
    const props = doc.child(i, N.DFProperties);
    const rt = doc.child(i, N.RTProperties);
    const typeEl = props >= 0 ? doc.child(props, N.DFType) : rt >= 0 ? doc.child(rt, N.Type) : -1;
    if (typeEl >= 0) {
      const id = this.value(doc.child(typeEl, N.DDFName)) || this.value(doc.child(typeEl, N.MIME));
      const named = id ? moFromIdentifier(id) : undefined;
      if (named) mo = { name: named, root: path };
    }
    this.nodes.set(i, { path, mo });

    let family: FamilyId | undefined;
    let label = path;
    if (mo) {
      const rel = path.length > mo.root.length ? path.slice(mo.root.length + 1).split('/') : [];
      family = stateFamily(mo.name, rel);
      label = `${mo.name} node ${path}`;
    } else {
      const byPath = moFromPath(path);
      family = byPath && stateFamily(byPath.mo, byPath.rel);
    }
    if (!family) return;
    const reason = `State value of the ${label}`;
    const valueEl = doc.child(i, N.Value);
    if (valueEl >= 0) this.dataSite(i, valueEl, 'state', family, true, reason);
    const def = props >= 0 ? doc.child(props, N.DefaultValue) : -1;
    if (def >= 0) this.dataSite(i, def, 'state', family, true, `Default ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
  }
}
