// Bundles the CLI into dist/cli.mjs with esbuild; dependencies stay external (node_modules).
// (No clean step: chunk names carry content hashes, and a parallel test run may be importing the old ones.)
// Code splitting keeps lazily imported parts (provider SDKs, node-llama-cpp) in their own chunks, so they load on use.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
