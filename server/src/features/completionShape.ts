/**
 * How a completion list is shaped for the client (LSP 3.17): one edit range and data for the whole
 * list when the client applies itemDefaults, the name in labelDetails when it shows them. Shared by
 * every kind of completion (codes, words, the DM tree).
 */
import type { CompletionItem, CompletionItemKind, CompletionList, Range } from 'vscode-languageserver-types';
import type { CompletionOptions } from '../api';

// LSP CompletionItemKind values (kept numeric so the service needs nothing at run time).
export const KIND_PROPERTY: CompletionItemKind = 10;
export const KIND_VALUE: CompletionItemKind = 12;
export const KIND_KEYWORD: CompletionItemKind = 14;
export const KIND_FOLDER: CompletionItemKind = 19;
export const KIND_ENUM_MEMBER: CompletionItemKind = 20;

/** One list item, saying only what the client cannot take from the list or fetch on resolve. */
export function item(label: string, kind: CompletionItemKind, name: string, sortText: string, range: Range, opts: CompletionOptions): CompletionItem {
  const it: CompletionItem = { label, kind, sortText };
  if (opts.labelDetails) it.labelDetails = { description: name };
  else it.detail = name;
  if (!opts.defaultEditRange) it.textEdit = { range, newText: label };
  return it;
}

export function list(items: CompletionItem[], range: Range, data: unknown, opts: CompletionOptions): CompletionList {
  const itemDefaults: CompletionList['itemDefaults'] = {};
  if (opts.defaultEditRange) itemDefaults.editRange = range;
  if (opts.defaultData && data) itemDefaults.data = data;
  return Object.keys(itemDefaults).length ? { isIncomplete: false, itemDefaults, items } : { isIncomplete: false, items };
}
