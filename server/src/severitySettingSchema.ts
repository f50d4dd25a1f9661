/**
 * The properties of the `syncml.diagnostics.severity` setting as package.json contributes them: one
 * per diagnostic code, derived from the registry. scripts/sync-diagnostics.mjs writes them into
 * package.json; test/unit/diagnosticCodes.test.ts fails when package.json differs.
 */
import { DIAGNOSTIC_CODES, SEVERITY_SETTINGS, type SeveritySetting } from './diagnosticCodes';

const SETTING_DESCRIPTIONS: Record<SeveritySetting, string> = {
  error: 'Show as an error.',
  warning: 'Show as a warning.',
  information: 'Show as information.',
  hint: 'Show as a hint (faded, no squiggle).',
  off: 'Do not report it.',
};

interface SeverityPropertySchema {
  type: 'string';
  enum: SeveritySetting[];
  enumDescriptions: string[];
  default: SeveritySetting;
  description: string;
}

export function severitySettingProperties(): Record<string, SeverityPropertySchema> {
  const properties: Record<string, SeverityPropertySchema> = {};
  for (const c of DIAGNOSTIC_CODES) {
    properties[c.id] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: SEVERITY_SETTINGS.map((s) => SETTING_DESCRIPTIONS[s]),
      default: c.defaultSeverity,
      description: `${c.summary} Default: ${c.defaultSeverity}.`,
    };
  }
  return properties;
}
