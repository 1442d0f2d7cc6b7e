import { describe, expect, it } from 'vitest';
import { type ConfigError, readCliConfig } from '../src/cli-config';

describe('the webhook settings of the CLI', () => {
  it('deliver from every instance and refuse private destinations by default', () => {
    const config = readCliConfig({});
    expect(config.webhooksWorker).toBe(true);
    expect(config.webhooksAllowPrivate).toBe(false);
  });

  it('take 1 or 0 only', () => {
    expect(readCliConfig({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' }).webhooksAllowPrivate).toBe(true);
    expect(readCliConfig({ RAPPORT_WEBHOOKS_WORKER: '0' }).webhooksWorker).toBe(false);
    let problems: string[] = [];
    try {
      readCliConfig({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true', RAPPORT_WEBHOOKS_WORKER: 'off' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'RAPPORT_WEBHOOKS_WORKER must be 1 or 0, not "off".',
      'RAPPORT_WEBHOOKS_ALLOW_PRIVATE must be 1 or 0, not "true".',
    ]);
  });
});
