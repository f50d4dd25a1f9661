/**
 * Small DM sessions for the navigation tests (unit and stdio): messages of both parties, in one
 * trace or one file per message.
 */

import { dmMessage } from './service';

/** One DM message of a session, from 'server' (https://dm.example.com) or 'client' (IMEI:1). */
export function message(from: 'server' | 'client', msgId: number, body: string, sessionId = '7'): string {
  return dmMessage(body, { msgId, source: from, sessionId });
}

export function statusFor(cmdId: number, msgRef: number | undefined, cmdRef: number, cmd: string, code: number | string): string {
  const ref = msgRef === undefined ? '' : `<MsgRef>${msgRef}</MsgRef>`;
  return `    <Status><CmdID>${cmdId}</CmdID>${ref}<CmdRef>${cmdRef}</CmdRef><Cmd>${cmd}</Cmd><Data>${code}</Data></Status>`;
}

/** The server's commands: a Get (4), a Replace (5), an Exec (6) and an Add (7). */
export const SERVER_COMMANDS = message(
  'server',
  1,
  `    <Get><CmdID>4</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>
    <Replace><CmdID>5</CmdID><Item><Target><LocURI>./Vendor/X</LocURI></Target><Data>1</Data></Item></Replace>
    <Exec><CmdID>6</CmdID><Item><Target><LocURI>./FUMO/P/Update</LocURI></Target></Item></Exec>
    <Add><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/Y</LocURI></Target><Data>2</Data></Item></Add>`,
);

/** The device's answers: 212 on the header, 200 and Results on the Get, 404 on the Replace, 202 on the Exec, nothing on the Add. */
export const CLIENT_ANSWERS = message(
  'client',
  2,
  [
    statusFor(1, 1, 0, 'SyncHdr', 212),
    statusFor(2, 1, 4, 'Get', 200),
    `    <Results><CmdID>3</CmdID><MsgRef>1</MsgRef><CmdRef>4</CmdRef><Item><Source><LocURI>./DevDetail/SwV</LocURI></Source><Data>2.0</Data></Item></Results>`,
    statusFor(4, 1, 5, 'Replace', 404),
    statusFor(5, 1, 6, 'Exec', 202),
  ].join('\n'),
);

/** Both messages in one file, as a saved trace. */
export const TRACE = SERVER_COMMANDS + CLIENT_ANSWERS;

/** An Atomic answered 507 whose two commands got 215 (not executed). */
export const ATOMIC_TRACE =
  message(
    'server',
    1,
    `    <Atomic><CmdID>2</CmdID>
      <Replace><CmdID>3</CmdID><Item><Target><LocURI>./Vendor/A</LocURI></Target><Data>1</Data></Item></Replace>
      <Delete><CmdID>4</CmdID><Item><Target><LocURI>./Vendor/B</LocURI></Target></Item></Delete>
    </Atomic>`,
  ) +
  message(
    'client',
    2,
    [statusFor(1, 1, 0, 'SyncHdr', 200), statusFor(2, 1, 2, 'Atomic', 507), statusFor(3, 1, 3, 'Replace', 215), statusFor(4, 1, 4, 'Delete', 215)].join('\n'),
  );
