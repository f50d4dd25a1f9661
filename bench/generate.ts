/**
 * Deterministic generator of saved SyncML DM traces for the benchmark.
 *
 * A trace is several DM sessions, each a ping-pong of client and server messages, concatenated
 * the way a capture tool saves them (one XML declaration at the top, a comment line before each
 * message). The mix follows codes.md: Status for SyncHdr (212 then 200) and for every command of
 * the previous message (Get 200/404, Replace 200/405, Add 200/418, Exec 202, Atomic 200/507 with
 * 216/500 children, Delete 200/404/500), Results with Items and Meta, Generic Alerts 1226 of FUMO,
 * SCOMO, SACMO and LAWMO answering earlier asynchronous Execs (same Correlator), Windows 1224
 * alerts, Replace/Add with entity-escaped XML payloads, CDATA for ADMX-backed policies, and a few
 * mistakes a real trace carries (a 1200 in a Status, a code unexpected for its command).
 *
 * Run directly to write a file: `node out/bench/generate.js <MB> [seed] > trace.xml`.
 */
import { mulberry32 } from './prng';

/** Where a number stands in the generated text, for hover/completion/edit positions. */
export interface CodeSite {
  /** Offset of the first digit. */
  offset: number;
  length: number;
  context: 'status' | 'generic-alert' | 'alert';
  /** Status: the Cmd it answers; generic-alert: the alert type. */
  detail: string;
  code: string;
}

export interface GeneratedTrace {
  text: string;
  /** Offset where each message begins (its leading comment; 0 for the first). */
  messageStarts: number[];
  sites: CodeSite[];
  sessions: number;
}

/** A number in [0, 1), deterministic in the seed. */
function prng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

const POLICIES: readonly [string, string, string][] = [
  // area, policy, a plausible value (each one a node of Windows' DDF, with an allowed value)
  ['Browser', 'AllowCookies', '2'],
  ['Browser', 'AllowPasswordManager', '0'],
  ['Camera', 'AllowCamera', '0'],
  ['Connectivity', 'AllowBluetooth', '2'],
  ['Connectivity', 'AllowUSBConnection', '0'],
  ['DeviceLock', 'DevicePasswordEnabled', '0'],
  ['DeviceLock', 'MinDevicePasswordLength', '8'],
  ['DeviceLock', 'MaxInactivityTimeDeviceLock', '15'],
  ['Defender', 'AllowRealtimeMonitoring', '1'],
  ['Defender', 'ScanParameter', '2'],
  ['Defender', 'AllowCloudProtection', '1'],
  ['Experience', 'AllowCortana', '0'],
  ['Update', 'ActiveHoursStart', '8'],
  ['Update', 'ActiveHoursEnd', '18'],
  ['Update', 'AllowAutoUpdate', '3'],
  ['Update', 'DeferQualityUpdatesPeriodInDays', '7'],
  ['Privacy', 'LetAppsAccessCamera', '2'],
  ['Start', 'HideShutDown', '1'],
  ['System', 'AllowTelemetry', '1'],
  ['Wifi', 'AllowInternetSharing', '0'],
  ['Bluetooth', 'AllowDiscoverableMode', '0'],
  ['Security', 'RequireDeviceEncryption', '1'],
  ['LocalPoliciesSecurityOptions', 'Accounts_EnableGuestAccountStatus', '0'],
  ['WindowsLogon', 'HideFastUserSwitching', '1'],
];

/** The policies above that Windows also has in the user tree (`./User/Vendor/MSFT/Policy/Config/…`). */
const USER_POLICIES = new Set(['AllowCookies', 'AllowPasswordManager', 'AllowTelemetry']);

const GET_NODES: readonly [string, string, string][] = [
  // path, format, value
  ['./DevDetail/SwV', 'chr', '10.0.22631.3447'],
  ['./DevDetail/FwV', 'chr', '1.7.1'],
  ['./DevDetail/HwV', 'chr', 'Surface Laptop 5'],
  ['./DevDetail/OEM', 'chr', 'Microsoft Corporation'],
  ['./DevDetail/Ext/Microsoft/OSPlatform', 'chr', 'Windows 11 Enterprise'],
  ['./DevDetail/Ext/Microsoft/TotalStorage', 'int', '487102'],
  ['./DevInfo/DevId', 'chr', '8E2A1B7C4D3F4E5A9B0C1D2E3F405162'],
  ['./DevInfo/Man', 'chr', 'Microsoft Corporation'],
  ['./DevInfo/Mod', 'chr', 'Surface Laptop 5'],
  ['./DevInfo/DmV', 'chr', '1.3'],
  ['./Vendor/MSFT/DeviceStatus/Battery/Status', 'int', '1'],
  ['./Vendor/MSFT/DeviceStatus/Battery/EstimatedChargeRemaining', 'int', '87'],
  ['./Vendor/MSFT/DeviceStatus/OS/Edition', 'int', '4'],
  ['./Vendor/MSFT/DMClient/Provider/MS%20DM%20Server/EntDMID', 'chr', 'c3a9e1f0-5b7d-4d2e-9f8a-1b2c3d4e5f60'],
  ['./Vendor/MSFT/DMClient/HWDevID', 'chr', '1F2E3D4C5B6A79880A1B2C3D4E5F60718293A4B5'],
  ['./Vendor/MSFT/BitLocker/Status/DeviceEncryptionStatus', 'int', '0'],
  ['./Vendor/MSFT/DeviceStatus/Firewall/Status', 'int', '0'],
  ['./Vendor/MSFT/NodeCache/MS%20DM%20Server', 'node', 'CacheVersion/ChangedNodes/Nodes'],
  ['./SCOMO/Inventory/Deployed', 'node', 'App1/App2/App3'],
  ['./FUMO/State', 'int', '50'],
];

/** Asynchronous management operations and the Generic Alert each one ends with. */
const MO_OPS: readonly { exec: string; type: string; codes: readonly string[] }[] = [
  { exec: './FUMO/DownloadAndUpdate', type: 'org.openmobilealliance.dm.firmwareupdate.downloadandupdate', codes: ['200', '402', '404', '200'] },
  { exec: './SCOMO/Download/Pkg1/Operations/DownloadInstall', type: 'urn:oma:at:scomo:1.0:OperationComplete', codes: ['1200', '1405', '1200'] },
  { exec: './SCOMO/Inventory/Deployed/App2/Operations/Remove', type: 'urn:oma:at:scomo:1.0:OperationComplete', codes: ['1200', '1408'] },
  { exec: './SACMO/Workflow/WF1/Operations/Start', type: 'urn:oma:at:sacmo:1.0:OperationReport', codes: ['1403', '1413', '1200'] },
  { exec: './LAWMO/Operations/FullyLock', type: 'urn:oma:at:lawmo:1.0:OperationComplete', codes: ['1200', '1402'] },
  { exec: './LAWMO/Operations/Wipe', type: 'urn:oma:at:lawmo:1.0:OperationComplete', codes: ['1201', '1405'] },
];

const MARKS = ['critical', 'warning', 'informational', 'fatal', 'minor'];

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const WLAN_PROFILE = (ssid: string) =>
  `<?xml version="1.0"?><WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1"><name>${ssid}</name>` +
  `<SSIDConfig><SSID><name>${ssid}</name></SSID><nonBroadcast>false</nonBroadcast></SSIDConfig>` +
  `<connectionType>ESS</connectionType><connectionMode>auto</connectionMode><MSM><security><authEncryption>` +
  `<authentication>WPA2</authentication><encryption>AES</encryption><useOneX>true</useOneX></authEncryption>` +
  `<OneX xmlns="http://www.microsoft.com/networking/OneX/v1"><EAPConfig><EapHostConfig xmlns="http://www.microsoft.com/provisioning/EapHostConfig">` +
  `<EapMethod><Type xmlns="http://www.microsoft.com/provisioning/EapCommon">13</Type><VendorId xmlns="http://www.microsoft.com/provisioning/EapCommon">0</VendorId>` +
  `<VendorType xmlns="http://www.microsoft.com/provisioning/EapCommon">0</VendorType><AuthorId xmlns="http://www.microsoft.com/provisioning/EapCommon">0</AuthorId></EapMethod>` +
  `</EapHostConfig></EAPConfig></OneX></security></MSM></WLANProfile>`;

const VPN_PROFILE = (server: string) =>
  `<VPNProfile><NativeProfile><Servers>${server}</Servers><NativeProtocolType>IKEv2</NativeProtocolType>` +
  `<Authentication><UserMethod>Eap</UserMethod></Authentication><RoutingPolicyType>SplitTunnel</RoutingPolicyType></NativeProfile>` +
  `<Route><Address>10.0.0.0</Address><PrefixSize>8</PrefixSize></Route><DomainNameInformation><DomainName>.corp.example.com</DomainName>` +
  `<DnsServers>10.0.0.53,10.0.1.53</DnsServers></DomainNameInformation><TrustedNetworkDetection>corp.example.com</TrustedNetworkDetection>` +
  `<AlwaysOn>true</AlwaysOn><RememberCredentials>true</RememberCredentials></VPNProfile>`;

const ADMX_SNIPPET = (n: number) =>
  `<policyDefinitions revision="1.0" schemaVersion="1.0"><policyNamespaces><target prefix="contoso${n}" namespace="Contoso.Policies.App${n}"/></policyNamespaces>` +
  `<resources minRequiredRevision="1.0"/><categories><category name="ContosoApp${n}" displayName="$(string.ContosoApp)"/></categories><policies>` +
  `<policy name="ShowHomeButton" class="User" displayName="$(string.ShowHomeButton)" explainText="$(string.ShowHomeButton_Explain)" key="Software\\Policies\\Contoso\\App${n}" valueName="ShowHomeButton">` +
  `<parentCategory ref="ContosoApp${n}"/><supportedOn ref="windows:SUPPORTED_Windows10"/><enabledValue><decimal value="1"/></enabledValue><disabledValue><decimal value="0"/></disabledValue></policy>` +
  `<policy name="HomePage" class="Both" displayName="$(string.HomePage)" explainText="$(string.HomePage_Explain)" presentation="$(presentation.HomePage)" key="Software\\Policies\\Contoso\\App${n}">` +
  `<parentCategory ref="ContosoApp${n}"/><supportedOn ref="windows:SUPPORTED_Windows10"/><elements><text id="HomePageUrl" valueName="HomePage" required="true"/></elements></policy>` +
  `</policies></policyDefinitions>`;

interface Pending {
  cmd: string;
  cmdId: number;
  /** For Get: the node, for Results. */
  get?: [string, string, string];
  /** For Exec of an MO operation: index into MO_OPS and the Correlator. */
  mo?: number;
  correlator?: string;
  /** Atomic children. */
  children?: Pending[];
}

class Writer {
  parts: string[] = [];
  len = 0;
  w(s: string): void {
    this.parts.push(s);
    this.len += s.length;
  }
}

export function generateTrace(targetBytes: number, seed = 1): GeneratedTrace {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const chance = (p: number) => rnd() < p;
  const out = new Writer();
  const sites: CodeSite[] = [];
  const messageStarts: number[] = [];
  out.w('<?xml version="1.0" encoding="UTF-8"?>\n');

  let sessions = 0;
  let clock = Date.UTC(2024, 4, 6, 9, 0, 0);
  let corr = 0;

  while (out.len < targetBytes) {
    sessions++;
    const sessionId = (sessions & 0xffff).toString(16).toUpperCase();
    const pretty = chance(0.8);
    const nl = pretty ? '\n' : '';
    const ind = (n: number) => (pretty ? '  '.repeat(n) : '');
    let msgId = 0;
    let clientPending: Pending[] = []; // server commands the client must answer
    let serverPending: Pending[] = []; // client commands the server must answer
    let asyncOps: Pending[] = []; // accepted Execs awaiting a Generic Alert
    const msgCount = 4 + Math.floor(rnd() * 7);

    for (let m = 0; m < msgCount && out.len < targetBytes; m++) {
      const fromClient = m % 2 === 0;
      msgId++;
      let cmdId = 0;
      clock += 1000 + Math.floor(rnd() * 4000);
      messageStarts.push(messageStarts.length === 0 ? 0 : out.len);
      out.w(`<!-- ${new Date(clock).toISOString()} ${fromClient ? 'client -> server' : 'server -> client'} session ${sessionId} message ${msgId} -->\n`);
      out.w(`<SyncML xmlns="SYNCML:SYNCML1.2">${nl}`);
      out.w(`${ind(1)}<SyncHdr>${nl}`);
      out.w(`${ind(2)}<VerDTD>1.2</VerDTD>${nl}${ind(2)}<VerProto>DM/1.2</VerProto>${nl}`);
      out.w(`${ind(2)}<SessionID>${sessionId}</SessionID>${nl}${ind(2)}<MsgID>${msgId}</MsgID>${nl}`);
      const dev = `<LocURI>${'8E2A1B7C4D3F4E5A9B0C1D2E3F4051' + (sessions % 100).toString().padStart(2, '0')}</LocURI>`;
      const srv = '<LocURI>https://dm.contoso.example/EnrollmentServer/omadm.svc</LocURI>';
      out.w(`${ind(2)}<Target>${fromClient ? srv : dev}</Target>${nl}${ind(2)}<Source>${fromClient ? dev : srv}</Source>${nl}`);
      if (fromClient && m === 0) {
        out.w(`${ind(2)}<Cred>${nl}${ind(3)}<Meta>${nl}${ind(4)}<Format xmlns="syncml:metinf">b64</Format>${nl}`);
        out.w(`${ind(4)}<Type xmlns="syncml:metinf">syncml:auth-md5</Type>${nl}${ind(3)}</Meta>${nl}`);
        out.w(`${ind(3)}<Data>Zm9vYmFyOmJhejEyMzQ1Njc4OTBhYmNkZWY=</Data>${nl}${ind(2)}</Cred>${nl}`);
      }
      if (fromClient) out.w(`${ind(2)}<Meta>${nl}${ind(3)}<MaxMsgSize xmlns="syncml:metinf">65535</MaxMsgSize>${nl}${ind(2)}</Meta>${nl}`);
      out.w(`${ind(1)}</SyncHdr>${nl}`);
      const msftNs = chance(0.3);
      out.w(`${ind(1)}<SyncBody${msftNs ? ' xmlns:msft="http://schemas.microsoft.com/MobileDevice/MDM"' : ''}>${nl}`);

      const status = (depth: number, cmd: string, cmdRef: number, code: string, extra = '') => {
        out.w(`${ind(depth)}<Status>${nl}`);
        out.w(`${ind(depth + 1)}<CmdID>${++cmdId}</CmdID>${nl}${ind(depth + 1)}<MsgRef>${Math.max(1, msgId - 1)}</MsgRef>${nl}`);
        out.w(`${ind(depth + 1)}<CmdRef>${cmdRef}</CmdRef>${nl}${ind(depth + 1)}<Cmd>${cmd}</Cmd>${nl}`);
        out.w(extra);
        const hresult = msftNs && code.startsWith('5') ? ` msft:originalerror="0x87D1${(+code).toString(16).toUpperCase().padStart(4, '0')}"` : '';
        out.w(`${ind(depth + 1)}<Data${hresult}>`);
        sites.push({ offset: out.len, length: code.length, context: 'status', detail: cmd, code });
        out.w(`${code}</Data>${nl}${ind(depth)}</Status>${nl}`);
      };
      const meta = (depth: number, format: string, type?: string, mark?: string) => {
        out.w(`${ind(depth)}<Meta>${nl}${ind(depth + 1)}<Format xmlns="syncml:metinf">${format}</Format>${nl}`);
        if (type) out.w(`${ind(depth + 1)}<Type xmlns="syncml:metinf">${type}</Type>${nl}`);
        if (mark) out.w(`${ind(depth + 1)}<Mark xmlns="syncml:metinf">${mark}</Mark>${nl}`);
        out.w(`${ind(depth)}</Meta>${nl}`);
      };

      // Status for the peer's SyncHdr: 212 once the credentials were accepted, then 200.
      if (m > 0) status(2, 'SyncHdr', 0, m === 1 ? '212' : '200');

      if (fromClient) {
        // Statuses for the server's commands, in order, then Results for the successful Gets.
        const results: Pending[] = [];
        for (const p of clientPending) {
          let code: string;
          switch (p.cmd) {
            case 'Get':
              code = chance(0.72) ? '200' : chance(0.9) ? '404' : '401';
              if (code === '200') results.push(p);
              break;
            case 'Replace':
              code = chance(0.75) ? '200' : chance(0.6) ? '405' : chance(0.5) ? '404' : '500';
              break;
            case 'Add':
              code = chance(0.6) ? '200' : chance(0.85) ? '418' : '500';
              break;
            case 'Exec':
              if (p.mo !== undefined) {
                code = chance(0.85) ? '202' : chance(0.5) ? '404' : '405';
                if (code === '202') asyncOps.push(p);
              } else code = chance(0.8) ? '200' : '405';
              break;
            case 'Delete':
              code = chance(0.6) ? '200' : chance(0.75) ? '404' : '500';
              break;
            case 'Atomic': {
              const failed = chance(0.3);
              code = failed ? '507' : '200';
              status(2, 'Atomic', p.cmdId, code);
              for (const c of p.children ?? []) status(2, c.cmd, c.cmdId, failed ? (chance(0.8) ? '216' : '500') : '200');
              continue;
            }
            default:
              code = '200';
          }
          // A real trace carries mistakes: a MO result code in a Status, a code unexpected for the command.
          if (chance(0.01)) code = pick(['1200', '1405', '202']);
          status(2, p.cmd, p.cmdId, code);
        }
        for (const r of results) {
          const [path, format, value] = r.get!;
          out.w(`${ind(2)}<Results>${nl}${ind(3)}<CmdID>${++cmdId}</CmdID>${nl}${ind(3)}<MsgRef>${msgId - 1}</MsgRef>${nl}`);
          out.w(`${ind(3)}<CmdRef>${r.cmdId}</CmdRef>${nl}${ind(3)}<Cmd>Get</Cmd>${nl}${ind(3)}<Item>${nl}`);
          out.w(`${ind(4)}<Source>${nl}${ind(5)}<LocURI>${path}</LocURI>${nl}${ind(4)}</Source>${nl}`);
          meta(4, format, format === 'node' ? 'com.microsoft/1.0/MDM/NodeCache' : 'text/plain');
          out.w(`${ind(4)}<Data>${value}</Data>${nl}${ind(3)}</Item>${nl}${ind(2)}</Results>${nl}`);
        }
        clientPending = [];
        serverPending = [];
        if (m === 0) {
          // Package 1: session alert, login status, DevInfo.
          const ac = ++cmdId;
          out.w(`${ind(2)}<Alert>${nl}${ind(3)}<CmdID>${ac}</CmdID>${nl}${ind(3)}<Data>`);
          const sessAlert = chance(0.7) ? '1201' : '1200';
          sites.push({ offset: out.len, length: 4, context: 'alert', detail: 'Alert', code: sessAlert });
          out.w(`${sessAlert}</Data>${nl}${ind(2)}</Alert>${nl}`);
          serverPending.push({ cmd: 'Alert', cmdId: ac });
          const lc = ++cmdId;
          out.w(`${ind(2)}<Alert>${nl}${ind(3)}<CmdID>${lc}</CmdID>${nl}${ind(3)}<Data>1224</Data>${nl}${ind(3)}<Item>${nl}`);
          meta(4, 'chr', 'com.microsoft/MDM/LoginStatus');
          out.w(`${ind(4)}<Data>${pick(['user', 'others', 'none'])}</Data>${nl}${ind(3)}</Item>${nl}${ind(2)}</Alert>${nl}`);
          serverPending.push({ cmd: 'Alert', cmdId: lc });
          const rc = ++cmdId;
          out.w(`${ind(2)}<Replace>${nl}${ind(3)}<CmdID>${rc}</CmdID>${nl}`);
          for (const [path, , value] of GET_NODES.slice(6, 10)) {
            out.w(`${ind(3)}<Item>${nl}${ind(4)}<Source>${nl}${ind(5)}<LocURI>${path}</LocURI>${nl}${ind(4)}</Source>${nl}`);
            out.w(`${ind(4)}<Data>${value}</Data>${nl}${ind(3)}</Item>${nl}`);
          }
          out.w(`${ind(2)}</Replace>${nl}`);
          serverPending.push({ cmd: 'Replace', cmdId: rc });
        }
        // Generic Alerts for asynchronous operations accepted earlier (Alert 1226, DM 1.2 §Generic Alert).
        const done = asyncOps.filter(() => chance(0.6));
        asyncOps = asyncOps.filter((a) => !done.includes(a));
        for (const op of done) {
          const mo = MO_OPS[op.mo!];
          const ga = ++cmdId;
          out.w(`${ind(2)}<Alert>${nl}${ind(3)}<CmdID>${ga}</CmdID>${nl}${ind(3)}<Data>`);
          sites.push({ offset: out.len, length: 4, context: 'alert', detail: 'Alert', code: '1226' });
          out.w(`1226</Data>${nl}`);
          if (op.correlator) out.w(`${ind(3)}<Correlator>${op.correlator}</Correlator>${nl}`);
          out.w(`${ind(3)}<Item>${nl}${ind(4)}<Source>${nl}${ind(5)}<LocURI>${mo.exec}</LocURI>${nl}${ind(4)}</Source>${nl}`);
          meta(4, 'int', chance(0.15) ? `Reversed-Domain-Name: ${mo.type}` : mo.type, chance(0.7) ? pick(MARKS) : undefined);
          const code = pick(mo.codes);
          out.w(`${ind(4)}<Data>`);
          sites.push({ offset: out.len, length: code.length, context: 'generic-alert', detail: mo.type, code });
          out.w(`${code}</Data>${nl}${ind(3)}</Item>${nl}${ind(2)}</Alert>${nl}`);
          serverPending.push({ cmd: 'Alert', cmdId: ga });
        }
        if (chance(0.02)) {
          const ua = ++cmdId;
          out.w(`${ind(2)}<Alert>${nl}${ind(3)}<CmdID>${ua}</CmdID>${nl}${ind(3)}<Data>1226</Data>${nl}${ind(3)}<Item>${nl}`);
          meta(4, 'int', 'com.microsoft:mdm.unenrollment.userrequest');
          out.w(`${ind(4)}<Data>1</Data>${nl}${ind(3)}</Item>${nl}${ind(2)}</Alert>${nl}`);
          serverPending.push({ cmd: 'Alert', cmdId: ua });
        }
      } else {
        // Server: statuses for the client's commands (no Status for Results), then new commands.
        for (const p of serverPending) status(2, p.cmd, p.cmdId, '200');
        serverPending = [];
        clientPending = [];
        const last = m === msgCount - 1;
        const n = last ? 0 : 12 + Math.floor(rnd() * 60);
        const item = (depth: number, path: string, format?: string, data?: string, type?: string) => {
          out.w(`${ind(depth)}<Item>${nl}${ind(depth + 1)}<Target>${nl}${ind(depth + 2)}<LocURI>${path}</LocURI>${nl}${ind(depth + 1)}</Target>${nl}`);
          if (format) meta(depth + 1, format, type);
          if (data !== undefined) out.w(`${ind(depth + 1)}<Data>${data}</Data>${nl}`);
          out.w(`${ind(depth)}</Item>${nl}`);
        };
        const simple = (depth: number): Pending => {
          const r = rnd();
          const id = ++cmdId;
          const [area, policy, value] = pick(POLICIES);
          const drawn = chance(0.8) ? './Vendor/MSFT' : chance(0.5) ? './Device/Vendor/MSFT' : './User/Vendor/MSFT';
          // A device-only policy goes to the device tree (the draw is kept so the trace's other choices stay as they were).
          const scopeFor = (p: string) => (drawn === './User/Vendor/MSFT' && !USER_POLICIES.has(p) ? './Device/Vendor/MSFT' : drawn);
          const scope = scopeFor(policy);
          if (r < 0.34) {
            const node = chance(0.6) ? pick(GET_NODES) : ([`./Device/Vendor/MSFT/Policy/Result/${area}/${policy}`, 'int', value] as [string, string, string]);
            out.w(`${ind(depth)}<Get>${nl}${ind(depth + 1)}<CmdID>${id}</CmdID>${nl}`);
            item(depth + 1, node[0]);
            out.w(`${ind(depth)}</Get>${nl}`);
            return { cmd: 'Get', cmdId: id, get: node };
          }
          if (r < 0.66) {
            out.w(`${ind(depth)}<Replace>${nl}${ind(depth + 1)}<CmdID>${id}</CmdID>${nl}`);
            const k = rnd();
            if (k < 0.08) {
              item(depth + 1, './Vendor/MSFT/WiFi/Profile/CorpWiFi/WlanXml', 'chr', escapeXml(WLAN_PROFILE('CorpWiFi-' + id)), 'text/plain');
            } else if (k < 0.14) {
              item(depth + 1, './Vendor/MSFT/VPNv2/CorpVPN/ProfileXML', 'chr', escapeXml(VPN_PROFILE(`vpn${id % 7}.contoso.example`)), 'text/plain');
            } else if (k < 0.22) {
              item(depth + 1, `${scope}/Policy/Config/ContosoApp~Policy~ContosoApp/HomePage`, 'chr',
                `<![CDATA[<enabled/><data id="HomePageUrl" value="https://intranet.contoso.example/${id}"/>]]>`);
            } else {
              item(depth + 1, `${scope}/Policy/Config/${area}/${policy}`, 'int', value);
              if (chance(0.3)) {
                const [a2, p2, v2] = pick(POLICIES);
                item(depth + 1, `${scopeFor(p2)}/Policy/Config/${a2}/${p2}`, 'int', v2);
              }
            }
            out.w(`${ind(depth)}</Replace>${nl}`);
            return { cmd: 'Replace', cmdId: id };
          }
          if (r < 0.82) {
            out.w(`${ind(depth)}<Add>${nl}${ind(depth + 1)}<CmdID>${id}</CmdID>${nl}`);
            const k = rnd();
            if (k < 0.1) {
              item(depth + 1, `./Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/ContosoApp${id % 5}/Policy/ContosoAppAdmx`, 'chr',
                `<![CDATA[${ADMX_SNIPPET(id % 5)}]]>`);
            } else if (k < 0.25) {
              const doc = `<wap-provisioningdoc><characteristic type="Registry"><characteristic type="HKLM\\Software\\Contoso\\Agent${id}">` +
                `<parm name="Enabled" value="1" datatype="integer"/><parm name="Server" value="https://agent.contoso.example/?a=1&b=2" datatype="string"/>` +
                `</characteristic></characteristic></wap-provisioningdoc>`;
              item(depth + 1, './Vendor/MSFT/EnterpriseExt/Provisioning', 'xml', escapeXml(doc), 'text/plain');
            } else {
              item(depth + 1, `${scope}/Policy/Config/${area}/${policy}`, 'int', value);
            }
            out.w(`${ind(depth)}</Add>${nl}`);
            return { cmd: 'Add', cmdId: id };
          }
          if (r < 0.92) {
            out.w(`${ind(depth)}<Delete>${nl}${ind(depth + 1)}<CmdID>${id}</CmdID>${nl}`);
            item(depth + 1, `${scope}/Policy/Config/${area}/${policy}`);
            out.w(`${ind(depth)}</Delete>${nl}`);
            return { cmd: 'Delete', cmdId: id };
          }
          // Exec: an asynchronous MO operation (with Correlator) or a synchronous CSP action.
          out.w(`${ind(depth)}<Exec>${nl}${ind(depth + 1)}<CmdID>${id}</CmdID>${nl}`);
          if (chance(0.7)) {
            const mo = Math.floor(rnd() * MO_OPS.length);
            const correlator = chance(0.8) ? `corr-${(++corr).toString(36)}` : undefined;
            if (correlator) out.w(`${ind(depth + 1)}<Correlator>${correlator}</Correlator>${nl}`);
            item(depth + 1, MO_OPS[mo].exec);
            out.w(`${ind(depth)}</Exec>${nl}`);
            return { cmd: 'Exec', cmdId: id, mo, correlator };
          }
          const action = pick(['./Vendor/MSFT/RemoteWipe/doWipe', './Vendor/MSFT/Reboot/RebootNow', './Vendor/MSFT/Defender/Scan']);
          // Defender's Scan takes 1 (quick scan) or 2 (full scan).
          item(depth + 1, action, 'chr', action.endsWith('/Scan') ? '1' : '');
          out.w(`${ind(depth)}</Exec>${nl}`);
          return { cmd: 'Exec', cmdId: id };
        };
        for (let i = 0; i < n; i++) {
          if (chance(0.06)) {
            const id = ++cmdId;
            out.w(`${ind(2)}<Atomic>${nl}${ind(3)}<CmdID>${id}</CmdID>${nl}`);
            const children: Pending[] = [];
            const k = 2 + Math.floor(rnd() * 3);
            while (children.length < k) {
              const c = simple(3);
              children.push(c);
            }
            out.w(`${ind(2)}</Atomic>${nl}`);
            clientPending.push({ cmd: 'Atomic', cmdId: id, children });
          } else {
            clientPending.push(simple(2));
          }
        }
      }
      out.w(`${ind(2)}<Final/>${nl}${ind(1)}</SyncBody>${nl}</SyncML>\n`);
    }
  }
  return { text: out.parts.join(''), messageStarts, sites, sessions };
}

if (require.main === module) {
  const mb = Number(process.argv[2] ?? '1');
  const seed = Number(process.argv[3] ?? '1');
  process.stdout.write(generateTrace(Math.round(mb * 1024 * 1024), seed).text);
}
