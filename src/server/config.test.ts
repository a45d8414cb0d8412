import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: port 3000, PGlite in ./data, demo content outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/[/\\]data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
  });

  it('names each bad variable and its value', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toContain('PORT="eighty"');
      expect((err as Error).message).toContain(
        'DATABASE_URL="mysql://x": must start with postgres://',
      );
    }
  });
});
