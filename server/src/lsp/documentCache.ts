/**
 * Per-document results cached by URI and version: a document is analysed once per version, however
 * many requests ask about it. Bounded twice (number of entries and total characters held), least
 * recently used first out; the most recent entry always stays. No timers: eviction happens on use.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

interface Entry<T> {
  version: number;
  languageId: string;
  size: number;
  value: T;
}

interface DocumentCacheOptions {
  /** Most entries kept (default 32). */
  maxEntries?: number;
  /** Most characters of document text the kept entries may stand for (default 64 M). */
  maxChars?: number;
}

export class DocumentCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private chars = 0;

  constructor(
    private readonly compute: (document: TextDocument) => T,
    options: DocumentCacheOptions = {},
  ) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 32);
    this.maxChars = Math.max(0, options.maxChars ?? 64 * 1024 * 1024);
  }

  get(document: TextDocument): T {
    const uri = document.uri;
    const hit = this.entries.get(uri);
    if (hit && hit.version === document.version && hit.languageId === document.languageId) {
      // Move to the most-recent end.
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit.value;
    }
    if (hit) this.delete(uri);
    const value = this.compute(document);
    const size = document.getText().length;
    this.entries.set(uri, { version: document.version, languageId: document.languageId, size, value });
    this.chars += size;
    this.evict();
    return value;
  }

  /** The cached value for exactly this version, without computing. */
  peek(document: TextDocument): T | undefined {
    const hit = this.entries.get(document.uri);
    return hit && hit.version === document.version && hit.languageId === document.languageId ? hit.value : undefined;
  }

  delete(uri: string): void {
    const hit = this.entries.get(uri);
    if (!hit) return;
    this.entries.delete(uri);
    this.chars -= hit.size;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    while (this.entries.size > 1 && (this.entries.size > this.maxEntries || this.chars > this.maxChars)) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }
}
