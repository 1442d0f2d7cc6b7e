import { describe, expect, it } from 'vitest';
import { ConfigError, readCliConfig } from '../src/cli-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readCliConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the email settings', () => {
  it('leave emails off without SMTP_URL', () => {
    expect(readCliConfig({}).email).toBeUndefined();
    expect(readCliConfig({ EMAIL_FROM: 'Shop <hi@shop.example>' }).email).toBeUndefined();
  });

  it('read SMTP_URL, EMAIL_FROM and the reply delay, 15 minutes by default', () => {
    const env = {
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      EMAIL_FROM: 'Shop <hi@shop.example>',
      RAPPORT_PUBLIC_URL: 'https://rapport.example',
    };
    expect(readCliConfig(env).email).toEqual({
      smtpUrl: 'smtps://user:secret@mail.example:465',
      from: 'Shop <hi@shop.example>',
      replyDelayMs: 15 * 60_000,
    });
    expect(readCliConfig({ ...env, REPLY_EMAIL_AFTER_MINUTES: '60' }).email?.replyDelayMs).toBe(
      3_600_000,
    );
  });

  it('name every missing or malformed setting, never echoing the SMTP password', () => {
    expect(problemsOf({ SMTP_URL: 'smtp://mail.example' })).toEqual([
      'SMTP_URL is set, so EMAIL_FROM must be too, e.g. "Shop <support@shop.example>".',
      'SMTP_URL is set, so RAPPORT_PUBLIC_URL must be too: the unsubscribe links in emails lead there.',
    ]);
    const problems = problemsOf({
      SMTP_URL: 'http://user:hunter2@mail.example',
      REPLY_EMAIL_AFTER_MINUTES: '0',
    });
    expect(problems).toEqual([
      'SMTP_URL must be a URL such as smtp://user:pass@mail.example:587, not a http: URL.',
      'REPLY_EMAIL_AFTER_MINUTES must be a whole number, at least 1, not "0".',
    ]);
    expect(problems.join()).not.toContain('hunter2');
  });
});
