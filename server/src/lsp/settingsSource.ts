/**
 * Where the server's settings come from: pulled with `workspace/configuration` when the client can
 * answer, else what it pushed (`initializationOptions`, `workspace/didChangeConfiguration`). Holds
 * the current settings; refreshes run one at a time, in order.
 */
import { isObject } from '../isObject';
import { formatError } from './runner';
import { defaultServerSettings, parseSettings, SECTION_KEYS, type ServerSettings } from './settings';

/**
 * Pushed settings usually wrap the section (`{ syncml: {...} }`, as VS Code's push model, eglot and
 * nvim-lspconfig send them); an object without it counts only if it looks like the section itself.
 */
function unwrapSection(s: unknown): unknown {
  if (!isObject(s)) return s;
  if ('syncml' in s) return s.syncml;
  return Object.keys(s).some((k) => SECTION_KEYS.has(k.split('.')[0])) ? s : undefined;
}

interface SettingsClient {
  /** True when the client answers `workspace/configuration` (known after initialize). */
  canPull(): boolean;
  /** The `syncml` section as the client answers it. */
  pull(): Promise<unknown>;
}

interface SettingsLog {
  warn(message: string): void;
  error(message: string): void;
}

/** Called with the new settings; `first` on the first refresh. Runs inside the refresh queue. */
type ApplySettings = (settings: ServerSettings, first: boolean) => Promise<void>;

export class SettingsSource {
  private pushed: unknown = undefined;
  private settings: ServerSettings = defaultServerSettings();
  private loadedOnce = false;
  private lastWarnings = '';
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: SettingsClient,
    private readonly log: SettingsLog,
    private readonly apply: ApplySettings,
  ) {}

  get current(): ServerSettings {
    return this.settings;
  }

  /** Settings the client pushed (wrapped or not); null and undefined keep what was pushed before. */
  push(raw: unknown): void {
    const section = unwrapSection(raw);
    if (section !== null && section !== undefined) this.pushed = section;
  }

  /** Settings given once, at initialize (kept even when undefined after unwrapping, as before any push). */
  pushInitial(raw: unknown): void {
    this.pushed = unwrapSection(raw);
  }

  /** Read the settings again and apply them, after any refresh already queued. */
  refresh(): Promise<void> {
    this.queue = this.queue.then(() => this.refreshNow()).catch((err) => this.log.error(formatError('Error while applying settings', err)));
    return this.queue;
  }

  private async read(): Promise<{ ok: boolean; raw: unknown }> {
    if (!this.client.canPull()) return { ok: true, raw: this.pushed };
    try {
      const pulled = await this.client.pull();
      return { ok: true, raw: pulled === null || pulled === undefined ? this.pushed : pulled };
    } catch (err) {
      this.log.warn(formatError('Could not read the syncml settings from the client; keeping the previous ones', err));
      return { ok: false, raw: this.pushed };
    }
  }

  private async refreshNow(): Promise<void> {
    const { ok, raw } = await this.read();
    if (!ok && this.loadedOnce) return; // keep what we have
    const parsed = parseSettings(raw);
    const key = parsed.warnings.join('\n');
    if (key !== this.lastWarnings) {
      this.lastWarnings = key;
      for (const w of parsed.warnings) this.log.warn(w);
    }
    this.settings = parsed.settings;
    const first = !this.loadedOnce;
    this.loadedOnce = true;
    await this.apply(this.settings, first);
  }
}
