import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('locks a key out after max failures for the window, and forgets ended windows', () => {
    let t = 0;
    const throttle = new LoginThrottle(3, 1000, () => t);
    for (let i = 0; i < 3; i++) throttle.fail('sam');
    expect(throttle.retryAfter('sam')).toBe(1000);
    t = 400;
    expect(throttle.retryAfter('sam')).toBe(600);
    t = 1000;
    expect(throttle.retryAfter('sam')).toBe(0);
    // Many one-off names: old windows are dropped once the map is large, so memory stays bounded.
    for (let i = 0; i < 5000; i++) {
      t = 2000 + i * 10;
      throttle.fail(`user-${i}`);
    }
    expect(throttle.size).toBeLessThanOrEqual(1025);
    expect(throttle.size).toBeGreaterThan(100);
  });
});
