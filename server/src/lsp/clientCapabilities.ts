/**
 * What the client announced in `initialize`, read once into plain flags. Read strictly: a malformed
 * capability counts as absent and never fails `initialize`.
 */
import type { InitializeParams } from 'vscode-languageserver';
import type { CompletionOptions } from '../api';
import { pathToFileUri } from './workspacePaths';

export interface ClientFeatures {
  /** Answers `workspace/configuration`. */
  configuration: boolean;
  /** Takes a dynamic registration for `workspace/didChangeConfiguration`. */
  dynamicConfiguration: boolean;
  /** Takes dynamic registrations for `workspace/didChangeWatchedFiles` (it watches files for us). */
  dynamicWatchers: boolean;
  /** Its file watchers understand relative patterns. */
  relativePatterns: boolean;
  /** Understands `workspace/inlayHint/refresh`. */
  inlayRefresh: boolean;
  /** Sends `workspace/didChangeWorkspaceFolders`. */
  workspaceFolderEvents: boolean;
  /** Understands code action literals (so the server may announce its kinds). */
  codeActionLiterals: boolean;
  /** Answers `window/showDocument` (LSP 3.16): where a code lens's click goes. */
  showDocument: boolean;
  /** Understands `workspace/codeLens/refresh`. */
  codeLensRefresh: boolean;
  /** The completion list's shape: documentation always waits for completionItem/resolve; the rest follows the client. */
  completion: CompletionOptions;
}

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const caps = params.capabilities ?? {};
  const completionCaps = caps.textDocument?.completion;
  const announced: unknown = completionCaps?.completionList?.itemDefaults;
  const itemDefaults = Array.isArray(announced) ? announced : [];
  return {
    configuration: caps.workspace?.configuration === true,
    dynamicConfiguration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchers: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    inlayRefresh: caps.workspace?.inlayHint?.refreshSupport === true,
    workspaceFolderEvents: caps.workspace?.workspaceFolders === true,
    codeActionLiterals: caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    showDocument: caps.window?.showDocument?.support === true,
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    completion: {
      lazy: true,
      defaultEditRange: itemDefaults.includes('editRange'),
      defaultData: itemDefaults.includes('data'),
      labelDetails: completionCaps?.completionItem?.labelDetailsSupport === true,
    },
  };
}

/** The workspace folders announced in `initialize` (folders, else the root URI, else the root path). */
export function initialWorkspaceFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  if (params.rootPath) return [pathToFileUri(params.rootPath)];
  return [];
}

/** Before `initialize`: nothing announced. */
export function noClientFeatures(): ClientFeatures {
  return readClientFeatures({ capabilities: {} } as InitializeParams);
}
