import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: { chunkSizeWarningLimit: 1200 },
	test: {
		// Deterministic runs: fixed time zone, no network (the e2e suite blocks it in the browser).
		env: { TZ: 'UTC' },
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
					// One browser at a time: the machine has two cores.
					fileParallelism: false
				}
			}
		]
	}
});
