/** A JSON-like object (not null, not an array): the first check on settings, request params and data files. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
