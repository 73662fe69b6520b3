/**
 * `npm run bench`: runs every other scripts/bench/*.ts file as its own child
 * process, one after another (so one benchmark's memory and caches do not
 * colour the next), passing this command's arguments and environment
 * through, and streaming their `name: value unit` lines. Exits non-zero if
 * any benchmark failed.
 *
 *   npm run bench -- --scale 20000     # smaller, quicker runs
 *   npm run bench -- --only search     # only files whose name contains "search"
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const passThrough = onlyAt >= 0 ? [...args.slice(0, onlyAt), ...args.slice(onlyAt + 2)] : args;

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => !only || f.includes(only))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`# ${file}`);
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${dir}${file}`, ...passThrough], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    child.on('error', () => resolve(1));
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) {
    failed++;
    console.log(`# ${file} FAILED (exit ${code})`);
  } else {
    console.log(`# ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
process.exitCode = failed ? 1 : 0;
