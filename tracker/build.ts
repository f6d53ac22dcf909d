// Builds the browser tracker (tracker/src) into tracker/dist/zori.js: one minified IIFE, served
// from memory by the lean route at /zori.js and /script.min.js. `npm run build:tracker`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const TRACKER_ENTRY = path.join(import.meta.dirname, 'src', 'index.ts');
export const TRACKER_OUTPUT = path.join(import.meta.dirname, 'dist', 'zori.js');

/** The minified tracker as text (also used by the server when no build output exists, in dev). */
export async function buildTracker(): Promise<string> {
  const result = await build({
    entryPoints: [TRACKER_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    // ES2020 keeps ?. and ?? as written (every browser since 2020 has them): bytes under the 2.5 KB budget.
    target: ['es2020'],
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const code = await buildTracker();
  mkdirSync(path.dirname(TRACKER_OUTPUT), { recursive: true });
  writeFileSync(TRACKER_OUTPUT, code);
  console.log(`tracker: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} bytes gzipped → ${path.relative(process.cwd(), TRACKER_OUTPUT)}`);
}
