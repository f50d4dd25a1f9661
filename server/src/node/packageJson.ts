/**
 * This package's own package.json, for `--version` and SARIF's tool information: found by walking
 * up from the running file, which is a bundle in dist/ or a compiled module under out/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface OwnPackageJson {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

export function ownPackageJson(): OwnPackageJson | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Partial<OwnPackageJson> & { name?: string };
      if (pkg.name === 'syncml-codes' && typeof pkg.version === 'string') return { ...pkg, version: pkg.version };
    } catch {
      /* not here */
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
