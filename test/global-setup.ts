// Builds dist/cli.mjs once before the tests, so CLI tests run the real bundled command.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  } catch {
    // The CLI tests will fail with their own message; unit tests still run.
    process.stderr.write('global-setup: building dist/cli.mjs failed; CLI tests will fail.\n');
  }
}
