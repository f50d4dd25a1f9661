// VS Code for the Web entry: the server runs in a Web Worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient } from '../common';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/server-browser.js');
  // vscode-languageclient 11 takes (id, name, worker, options); earlier majors took the worker last.
  return activateClient(context, 'web', (id, name, options) => new LanguageClient(id, name, new Worker(serverMain.toString(true)), options));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
