// The few assertions the suite needs, for both extension hosts (the browser one has no `assert`).
function fail(message) {
  throw new Error(message);
}

exports.ok = (value, message = `expected a truthy value, got ${value}`) => {
  if (!value) fail(message);
};

exports.strictEqual = (actual, expected, message) => {
  if (actual !== expected) fail(message || `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};

exports.match = (text, pattern, message) => {
  if (!pattern.test(text)) fail(message || `expected ${pattern} to match ${JSON.stringify(text)}`);
};
