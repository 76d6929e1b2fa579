import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { releaseGarbage } from '../src/release-garbage.js';

describe('releaseGarbage', () => {
  it('collects what nothing holds, and leaves V8 flags as they were (gc stays unexposed)', async () => {
    const exposedBefore = runInNewContext('typeof gc');
    const dropped = new WeakRef(new Array(100_000).fill({}));
    // A WeakRef's target survives until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    releaseGarbage();
    expect(dropped.deref()).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe(exposedBefore);
  });
});
