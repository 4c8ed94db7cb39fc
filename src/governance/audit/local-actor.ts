/** The operator identity when no user is signed in: `local:<os user>@<hostname>`. */
import { hostname, userInfo } from 'node:os';

/** `local:<os user>@<hostname>`; the user falls back to $USER, then `unknown`, where the OS has no passwd entry. */
export function localActor(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  return `local:${user}@${hostname()}`;
}
