import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module.ts';

describe('lazyModule', () => {
  it('imports once and then hands the module over synchronously', async () => {
    let imports = 0;
    const lazy = lazyModule(async () => ({ n: ++imports }));
    expect(lazy.loaded()).toBeNull();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(lazy.loaded()).toEqual({ n: 1 });
    expect(imports).toBe(1);
  });

  it('forgets a failed load, so the next one tries again', async () => {
    let attempts = 0;
    const lazy = lazyModule(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk failed');
      return { ok: true };
    });
    await expect(lazy.load()).rejects.toThrow('chunk failed');
    expect(lazy.loaded()).toBeNull();
    await expect(lazy.load()).resolves.toEqual({ ok: true });
    expect(attempts).toBe(2);
  });
});
