/**
 * A structural check of a SARIF 2.1.0 log: the properties the OASIS schema requires and the ones
 * GitHub code scanning relies on (rule table, ruleId/ruleIndex, levels, 1-based regions, relative
 * URIs with a declared base). Returns the problems found, empty when the log passes.
 * (The full OASIS JSON schema was also checked by hand; see docs/cli.md, "SARIF".)
 */
const LEVELS = ['none', 'note', 'warning', 'error'];

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function hasText(v: unknown): boolean {
  return isObject(v) && typeof v.text === 'string' && v.text.length > 0;
}

/** An RFC 3986 URI reference as SARIF needs it: no spaces, no backslashes, no raw non-ASCII. */
function isUriReference(s: string): boolean {
  return s.length > 0 && !/[\s\\"<>^`{|}]/.test(s) && /^[\x21-\x7e]+$/.test(s);
}

function isAbsoluteUri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && isUriReference(s);
}

export function checkSarif(log: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  if (!isObject(log)) return ['log: not an object'];
  if (log.version !== '2.1.0') fail('version', `expected "2.1.0", got ${JSON.stringify(log.version)}`);
  if (typeof log.$schema !== 'string' || !/sarif/i.test(log.$schema) || !log.$schema.includes('2.1.0') || !isAbsoluteUri(log.$schema)) {
    fail('$schema', `expected the SARIF 2.1.0 schema URI, got ${JSON.stringify(log.$schema)}`);
  }
  if (!Array.isArray(log.runs) || log.runs.length !== 1) return [...problems, 'runs: expected exactly one run'];
  const run = log.runs[0];
  if (!isObject(run)) return [...problems, 'runs[0]: not an object'];
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  if (!driver) return [...problems, 'runs[0].tool.driver: missing'];
  if (typeof driver.name !== 'string' || !driver.name) fail('tool.driver.name', 'missing');
  if (driver.version !== undefined && typeof driver.version !== 'string') fail('tool.driver.version', 'not a string');
  if (driver.informationUri !== undefined && !(typeof driver.informationUri === 'string' && isAbsoluteUri(driver.informationUri))) {
    fail('tool.driver.informationUri', 'not an absolute URI');
  }
  const rules = Array.isArray(driver.rules) ? driver.rules : [];
  if (!Array.isArray(driver.rules)) fail('tool.driver.rules', 'missing');
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    const w = `rules[${i}]`;
    if (!isObject(r) || typeof r.id !== 'string' || !r.id) return fail(w, 'no id');
    if (ids.has(r.id)) fail(w, `duplicate id ${r.id}`);
    ids.add(r.id);
    if (!hasText(r.shortDescription)) fail(w, 'shortDescription.text missing');
    if (!hasText(r.fullDescription)) fail(w, 'fullDescription.text missing');
    if (!hasText(r.help)) fail(w, 'help.text missing');
    if (isObject(r.help) && r.help.markdown !== undefined && typeof r.help.markdown !== 'string') fail(w, 'help.markdown not a string');
    const level = isObject(r.defaultConfiguration) ? r.defaultConfiguration.level : undefined;
    if (level !== undefined && !LEVELS.includes(level as string)) fail(w, `defaultConfiguration.level ${String(level)}`);
  });

  if (run.columnKind !== undefined && run.columnKind !== 'utf16CodeUnits' && run.columnKind !== 'unicodeCodePoints') {
    fail('columnKind', String(run.columnKind));
  }
  const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  for (const [k, v] of Object.entries(bases)) {
    const uri = isObject(v) ? v.uri : undefined;
    if (typeof uri !== 'string' || !isAbsoluteUri(uri) || !uri.endsWith('/')) fail(`originalUriBaseIds.${k}`, 'uri must be absolute and end with /');
  }
  if (!Array.isArray(run.results)) return [...problems, 'runs[0].results: missing'];
  run.results.forEach((res, i) => {
    const w = `results[${i}]`;
    if (!isObject(res)) return fail(w, 'not an object');
    if (typeof res.ruleId !== 'string' || !ids.has(res.ruleId)) fail(w, `ruleId ${String(res.ruleId)} is not a rule id`);
    if (res.ruleIndex !== undefined) {
      const idx = res.ruleIndex;
      if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0 || idx >= rules.length) fail(w, `ruleIndex ${String(idx)} out of range`);
      else if ((rules[idx] as Json).id !== res.ruleId) fail(w, `ruleIndex ${idx} names ${String((rules[idx] as Json).id)}, not ${String(res.ruleId)}`);
    }
    if (res.level !== undefined && !LEVELS.includes(res.level as string)) fail(w, `level ${String(res.level)}`);
    if (!hasText(res.message)) fail(w, 'message.text missing');
    if (!Array.isArray(res.locations) || res.locations.length === 0) return fail(w, 'no locations');
    res.locations.forEach((loc, j) => {
      const lw = `${w}.locations[${j}]`;
      const pl = isObject(loc) && isObject(loc.physicalLocation) ? loc.physicalLocation : undefined;
      if (!pl) return fail(lw, 'no physicalLocation');
      const al = isObject(pl.artifactLocation) ? pl.artifactLocation : undefined;
      if (!al || typeof al.uri !== 'string' || !isUriReference(al.uri)) return fail(lw, `artifactLocation.uri ${JSON.stringify(al?.uri)} is not a URI reference`);
      if (al.uriBaseId !== undefined) {
        if (typeof al.uriBaseId !== 'string' || !(al.uriBaseId in bases)) fail(lw, `uriBaseId ${String(al.uriBaseId)} not declared in originalUriBaseIds`);
        if (isAbsoluteUri(al.uri)) fail(lw, 'uri with a uriBaseId must be relative');
      } else if (!isAbsoluteUri(al.uri)) {
        fail(lw, 'relative uri without uriBaseId');
      }
      const r = pl.region;
      if (!isObject(r)) return fail(lw, 'no region');
      if (!isPositiveInt(r.startLine)) fail(lw, 'region.startLine must be an integer >= 1');
      for (const k of ['startColumn', 'endLine', 'endColumn'] as const) {
        if (r[k] !== undefined && !isPositiveInt(r[k])) fail(lw, `region.${k} must be an integer >= 1`);
      }
      if (isPositiveInt(r.startLine) && isPositiveInt(r.endLine) && r.endLine < r.startLine) fail(lw, 'region ends before it starts');
      if (r.endLine === r.startLine && isPositiveInt(r.startColumn) && isPositiveInt(r.endColumn) && r.endColumn <= r.startColumn) {
        fail(lw, 'empty region (endColumn is exclusive)');
      }
    });
    if (res.partialFingerprints !== undefined) {
      if (!isObject(res.partialFingerprints) || Object.values(res.partialFingerprints).some((v) => typeof v !== 'string')) {
        fail(w, 'partialFingerprints must map to strings');
      }
    }
  });
  if (!Array.isArray(run.invocations) || !run.invocations.every((inv) => isObject(inv) && typeof inv.executionSuccessful === 'boolean')) {
    fail('invocations', 'each invocation needs executionSuccessful');
  }
  return problems;
}
