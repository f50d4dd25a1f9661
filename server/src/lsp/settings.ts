/**
 * The `syncml.*` settings as the server reads them: a pure mapping from whatever the client sent
 * (nested objects as VS Code sends them, or flat dotted keys as some clients send them) to
 * `ServiceSettings` plus the server-only settings. Wrong values never throw: the key falls back to
 * its default and a warning says what was wrong.
 */
import type { ServiceSettings } from '../api';
import { DEFAULT_SETTINGS } from '../api';
import { isObject } from '../isObject';
import { DIAGNOSTIC_CODES, isDiagnosticCode, SEVERITY_SETTINGS, type SeveritySetting } from '../diagnosticCodes';

export interface ServerSettings {
  service: ServiceSettings;
  /** Paths or URIs of custom-codes JSON files, as the user wrote them (deduplicated, trimmed). */
  customCodes: string[];
  /** DDF files or folders of them (OMA DDF 1.2, Microsoft DDF v2), as the user wrote them (deduplicated, trimmed). */
  ddfFiles: string[];
}

interface ParsedSettings {
  settings: ServerSettings;
  /** One sentence per ignored or replaced value, naming the setting. */
  warnings: string[];
}

/** Spellings other editors' users are likely to type. */
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { info: 'information', none: 'off', warn: 'warning' };

/** Leaves this server reads, and keys it knows to belong to the client (not warned about). */
const KNOWN_LEAVES = new Set([
  'diagnostics.enable',
  'diagnostics.severity',
  'inlayHints.enable',
  'customCodes',
  'ddfFiles',
  'largeFileThreshold',
]);
const CLIENT_PREFIXES = ['trace'];

/** Top-level keys of the `syncml` section, to recognise an unwrapped section in pushed settings. */
export const SECTION_KEYS: ReadonlySet<string> = new Set([...KNOWN_LEAVES, ...CLIENT_PREFIXES].map((k) => k.split('.')[0]));

export function defaultServerSettings(): ServerSettings {
  return {
    service: {
      diagnostics: { enable: DEFAULT_SETTINGS.diagnostics.enable, severity: { ...DEFAULT_SETTINGS.diagnostics.severity } },
      inlayHints: { enable: DEFAULT_SETTINGS.inlayHints.enable },
      largeFileThreshold: DEFAULT_SETTINGS.largeFileThreshold,
    },
    customCodes: [],
    ddfFiles: [],
  };
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** No setting is nested deeper than this; anything deeper is an unknown key, not a reason to recurse. */
const MAX_SETTINGS_DEPTH = 8;

/**
 * Flatten the raw section into dotted keys. `diagnostics.severity` is a leaf (its keys are
 * diagnostic codes), so is anything under a client-owned prefix.
 */
function flatten(raw: Record<string, unknown>, prefix = '', into = new Map<string, unknown>(), depth = 0): Map<string, unknown> {
  for (const [key, value] of Object.entries(raw)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const leaf = KNOWN_LEAVES.has(path) || CLIENT_PREFIXES.some((p) => path === p || path.startsWith(p + '.'));
    if (!leaf && isObject(value) && depth < MAX_SETTINGS_DEPTH) flatten(value, path, into, depth + 1);
    else into.set(path, value);
  }
  return into;
}

/**
 * A setting that lists data files (`customCodes`, `ddfFiles`): paths or URIs as the user wrote
 * them, trimmed and deduplicated; a single string is read as a one-element list. `entry` names one
 * entry in the warnings, `entries` several.
 */
function pathList(
  values: Map<string, unknown>,
  key: string,
  warnings: string[],
  { entry, entries }: { entry: string; entries: string },
): string[] {
  const paths: string[] = [];
  const raw = values.get(key);
  if (raw === undefined || raw === null) return paths;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (typeof raw === 'string') {
    warnings.push(`syncml.${key} should be an array of paths; read the single string as a one-element array.`);
  }
  if (list === undefined) {
    warnings.push(`syncml.${key} should be an array of ${entries}, got ${describe(raw)}; ignored.`);
    return paths;
  }
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      warnings.push(`syncml.${key}[${i}] should be a non-empty ${entry}, got ${describe(item)}; ignored.`);
      return;
    }
    const path = item.trim();
    if (!seen.has(path)) {
      seen.add(path);
      paths.push(path);
    }
  });
  return paths;
}

/**
 * Map the `syncml` configuration section to settings. `raw` may be undefined or null (no settings),
 * the section object, or an object that wraps it under `syncml` (some clients send the whole tree).
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings = defaultServerSettings();
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { settings, warnings };
  if (!isObject(raw)) {
    warnings.push(`syncml: the settings section should be an object, got ${describe(raw)}; using the defaults.`);
    return { settings, warnings };
  }
  if (isObject(raw.syncml) && Object.keys(raw).length === 1) raw = raw.syncml;
  const values = flatten(raw as Record<string, unknown>);

  const bool = (key: string, fallback: boolean): boolean => {
    const v = values.get(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    warnings.push(`syncml.${key} should be true or false, got ${describe(v)}; using the default (${fallback}).`);
    return fallback;
  };

  settings.service.diagnostics.enable = bool('diagnostics.enable', settings.service.diagnostics.enable);
  settings.service.inlayHints.enable = bool('inlayHints.enable', settings.service.inlayHints.enable);

  const severity = values.get('diagnostics.severity');
  if (severity !== undefined && severity !== null) {
    if (!isObject(severity)) {
      warnings.push(
        `syncml.diagnostics.severity should be an object mapping a diagnostic code to one of ${SEVERITY_SETTINGS.join(', ')}, got ${describe(severity)}; ignored.`,
      );
    } else {
      for (const [code, level] of Object.entries(severity)) {
        if (!isDiagnosticCode(code)) {
          warnings.push(
            `syncml.diagnostics.severity: unknown diagnostic code ${JSON.stringify(code)} ignored (known: ${DIAGNOSTIC_CODES.map((c) => c.id).join(', ')}).`,
          );
          continue;
        }
        const normalized = typeof level === 'string' ? level.trim().toLowerCase() : undefined;
        const value =
          normalized === undefined
            ? undefined
            : (SEVERITY_SETTINGS as readonly string[]).includes(normalized)
              ? (normalized as SeveritySetting)
              : SEVERITY_ALIASES[normalized];
        if (value === undefined) {
          warnings.push(
            `syncml.diagnostics.severity.${code} should be one of ${SEVERITY_SETTINGS.join(', ')}, got ${describe(level)}; using the default severity.`,
          );
          continue;
        }
        settings.service.diagnostics.severity[code] = value;
      }
    }
  }

  const threshold = values.get('largeFileThreshold');
  if (threshold !== undefined && threshold !== null) {
    if (typeof threshold === 'number' && Number.isFinite(threshold) && threshold >= 0) {
      settings.service.largeFileThreshold = Math.floor(threshold);
    } else {
      warnings.push(
        `syncml.largeFileThreshold should be a number of characters (0 or more), got ${describe(threshold)}; using the default (${settings.service.largeFileThreshold}).`,
      );
    }
  }

  settings.customCodes = pathList(values, 'customCodes', warnings, { entry: 'file path or URI', entries: 'file paths or URIs' });
  settings.ddfFiles = pathList(values, 'ddfFiles', warnings, {
    entry: 'DDF file or folder (a path or URI)',
    entries: 'DDF files or folders (paths or URIs)',
  });

  for (const [key, value] of values) {
    if (KNOWN_LEAVES.has(key) || CLIENT_PREFIXES.some((p) => key === p || key.startsWith(p + '.'))) continue;
    // A group given as something else than an object (`diagnostics: []`) is a known name used wrongly.
    const members = [...KNOWN_LEAVES].filter((k) => k.startsWith(key + '.')).map((k) => k.slice(key.length + 1));
    if (members.length > 0) {
      warnings.push(`syncml.${key} should be an object with ${members.join(', ')}, got ${describe(value)}; using the defaults.`);
    } else {
      warnings.push(`syncml.${key} is not a setting this server knows; ignored.`);
    }
  }
  return { settings, warnings };
}
