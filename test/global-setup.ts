// Builds dist/cli.mjs once before the tests, so CLI tests run the real bundled command; and points ASSAY_HOME at a
// temporary folder for the whole run, so no test writes keys, databases or reports into the checkout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  } catch {
    // The CLI tests will fail with their own message; unit tests still run.
    process.stderr.write('global-setup: building dist/cli.mjs failed; CLI tests will fail.\n');
  }
  const home = mkdtempSync(path.join(tmpdir(), 'assay-test-home-'));
  // Workers are forked after this, so they inherit it; tests that need their own home still set it per call.
  process.env.ASSAY_HOME = home;
  return () => rmSync(home, { recursive: true, force: true });
}
