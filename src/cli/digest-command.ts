import type { Command } from 'commander';
import { z } from 'zod';
import { email } from '../contracts/auth.js';
import { isoDate } from '../contracts/common.js';
import { localDate } from '../domain/local-day.js';
import { composeDigest } from '../server/modules/notifications/digest.service.js';
import { createMailer } from '../server/modules/notifications/mailer.js';
import { UsageError, withDatabase } from './context.js';

const options = z.object({
  email,
  date: isoDate.optional(),
  send: z.boolean().optional(),
});

/** `pipewright digest`: preview a user's daily digest, or send it now to check the SMTP setup. */
export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description("Print a user's daily digest; with --send, e-mail it now through SMTP_URL")
    .requiredOption('--email <email>', 'whose digest')
    .option('--date <YYYY-MM-DD>', "the local day (default: today in the user's time zone)")
    .option('--send', 'send it now (does not count as that day’s scheduled digest)')
    .action(async (raw: { email: string; date?: string; send?: boolean }) => {
      const parsed = options.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(`--${String(issue?.path[0])}: ${issue?.message ?? 'invalid'}`);
      }
      const opts = parsed.data;
      await withDatabase(async ({ db }, config) => {
        if (opts.send && !config.smtpUrl) throw new UsageError('--send needs SMTP_URL to be set');
        const user = await db
          .selectFrom('users as u')
          .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
          .select(['u.id', 'u.timezone', 'w.timezone as workspace_timezone'])
          .where('u.email', '=', opts.email)
          .executeTakeFirst();
        if (!user) throw new UsageError(`--email: no user ${opts.email}`);
        const date = opts.date ?? localDate(new Date(), user.timezone ?? user.workspace_timezone);
        const appUrl = config.publicUrl ?? `http://localhost:${config.port}`;
        const digest = await composeDigest(db, { userId: user.id, localDate: date }, appUrl);
        if (!digest) {
          process.stdout.write(`${opts.email} gets no digest (inactive or turned off).\n`);
          return;
        }
        if (!digest.mail) {
          process.stdout.write(`Nothing for ${opts.email} on ${date}: no digest would go out.\n`);
          return;
        }
        process.stdout.write(
          `To: ${digest.to}\nSubject: ${digest.mail.subject}\n\n${digest.mail.text}\n`,
        );
        if (opts.send && config.smtpUrl) {
          const mailer = createMailer(config.smtpUrl, config.smtpFrom);
          try {
            await mailer.send({ to: digest.to, ...digest.mail });
          } finally {
            mailer.close();
          }
          process.stdout.write(`\nSent to ${digest.to}.\n`);
        }
      });
    });
}
