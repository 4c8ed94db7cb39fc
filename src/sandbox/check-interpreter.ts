/** A first, tiny run per language, so that a sandbox that cannot start an interpreter fails loudly, not as a wrong answer. */
import { AssayError } from '../errors/index.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLanguage, type SandboxRequest, type SandboxResult } from './sandbox.js';

const HELLO: Record<SandboxLanguage, string[]> = {
  python: ['-c', 'print("ok")'],
  javascript: ['-e', 'console.log("ok")'],
};

/**
 * Runs the interpreter's hello-world once per language (remembered in `checked`); throws CONFIG_INVALID with
 * what it printed when it does not say "ok". A failed check is retried next time.
 */
export function checkInterpreter(
  checked: Map<SandboxLanguage, Promise<void>>,
  language: SandboxLanguage,
  exec: (request: SandboxRequest) => Promise<SandboxResult>,
): Promise<void> {
  let check = checked.get(language);
  if (!check) {
    check = exec({ language, files: {}, command: HELLO[language], limits: DEFAULT_SANDBOX_LIMITS }).then((r) => {
      if (r.exitCode === 0 && r.stdout.trim() === 'ok') return;
      const said = `${r.stderr}\n${r.stdout}`.trim().slice(-800) || `exit ${r.exitCode ?? r.signal}`;
      throw new AssayError('CONFIG_INVALID', `The sandbox cannot run ${language}: ${said}`, {
        hint: 'Check that the interpreter and its libraries are readable by every user (sandboxed code runs as nobody when Assay runs as root); ASSAY_SANDBOX_PYTHON picks another python3.',
      });
    });
    check.catch(() => checked.delete(language));
    checked.set(language, check);
  }
  return check;
}
