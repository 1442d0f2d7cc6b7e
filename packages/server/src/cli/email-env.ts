import type { CliConfig } from '../cli-config';
import { startEmailJob } from '../email/email-job';
import { createSmtpMailer } from '../email/mailer';
import type { Logger } from '../logger';
import type { PruneJob } from '../prune-job';
import type { Store } from '../store';

/**
 * Starts the email job when `SMTP_URL` is set (the config check made sure EMAIL_FROM and
 * RAPPORT_PUBLIC_URL are too); undefined otherwise. Stopping it also closes the SMTP pool.
 */
export function startEmailsOf(
  config: CliConfig,
  store: Store,
  logger: Logger,
): PruneJob | undefined {
  const { email, publicUrl } = config;
  if (!email || !publicUrl) return undefined;
  const mailer = createSmtpMailer({
    url: email.smtpUrl,
    from: email.from,
    onConnectionError: (error) =>
      logger.warn('SMTP connection failed', {
        error: (error as { code?: string }).code ?? error.name,
      }),
  });
  const job = startEmailJob({
    store,
    mailer,
    logger,
    publicUrl,
    replyDelayMs: email.replyDelayMs,
  });
  return {
    async stop() {
      await job.stop();
      mailer.close();
    },
  };
}
