import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { readGeodata } from './src/lib/server/data/read.ts';
import { validateGeodata } from './src/lib/server/data/validate.ts';
import { InvalidDataError } from './src/lib/server/data/problems.ts';

/** `npm run build` refuses invalid geodata, listing every problem before anything is built. */
function validateGeodataOnBuild(): Plugin {
	return {
		name: 'frontier-atlas:validate-geodata',
		apply: 'build',
		buildStart() {
			const { problems } = validateGeodata(readGeodata());
			if (problems.length) this.error(new InvalidDataError(problems).message);
		}
	};
}

export default defineConfig({
	plugins: [validateGeodataOnBuild(), sveltekit()],
	build: { chunkSizeWarningLimit: 1200 },
	test: {
		// Deterministic runs: fixed time zone, no network (the e2e suite blocks it in the browser).
		env: { TZ: 'UTC' },
		// A test that asserts nothing fails: no test can pass by accident.
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 90_000,
					// A page answers in its own time on a busy two-core machine (the URL, for one, is
					// written 250 ms after things settle): polls wait as long as Playwright's waits do.
					expect: { requireAssertions: true, poll: { timeout: 30_000 } },
					// One browser at a time: the machine has two cores.
					fileParallelism: false
				}
			}
		]
	}
});
