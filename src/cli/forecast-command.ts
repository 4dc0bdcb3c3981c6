import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isoDate } from '../contracts/common.js';
import type { DB } from '../db/schema.js';
import { formatMoney } from '../domain/money.js';
import { runBacktest } from '../server/modules/forecast/backtest.service.js';
import { UsageError, withDatabase } from './context.js';

const options = z.object({
  from: isoDate,
  to: isoDate,
  period: z.enum(['month', 'quarter']),
  workspace: z.string().optional(),
  pipeline: z.string().optional(),
  runs: z.coerce.number().int().min(100).max(100_000),
  seed: z.coerce.number().int().min(0).max(4_294_967_295),
});
type Options = z.infer<typeof options>;

/** `pipewright forecast backtest`: each method's error on past periods, printed and stored. */
export function registerForecastCommand(program: Command): void {
  const forecast = program.command('forecast').description('Sales forecasts');
  forecast
    .command('backtest')
    .description(
      'Forecast each past month or quarter from what was known at its start; print and store each method’s error',
    )
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the first period')
    .requiredOption('--to <YYYY-MM-DD>', 'a day of the last period')
    .requiredOption('--period <unit>', 'month or quarter')
    .option('--workspace <name>', 'the workspace (needed when there are several)')
    .option('--pipeline <name>', 'the pipeline (default: the one with the most deals)')
    .option('--runs <n>', 'Monte Carlo runs per period', '2000')
    .option('--seed <n>', 'random seed; the same seed gives the same intervals', '1')
    .action(async (raw: Record<string, string>) => {
      const parsed = options.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(`--${String(issue?.path[0])}: ${issue?.message ?? 'invalid'}`);
      }
      const opts = parsed.data;
      await withDatabase(async ({ db }) => {
        const { workspaceId, pipelineId, pipelineName } = await target(db, opts);
        const started = performance.now();
        const result = await runBacktest(db, {
          workspaceId,
          pipelineId,
          unit: opts.period,
          from: opts.from,
          to: opts.to,
          runs: opts.runs,
          seed: opts.seed,
        });
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(report(result, pipelineName, seconds));
      });
    });
}

async function target(db: Kysely<DB>, opts: Options) {
  const workspaces = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .$if(opts.workspace !== undefined, (q) => q.where('name', '=', opts.workspace as string))
    .execute();
  const workspace = workspaces[0];
  if (!workspace) throw new UsageError(`--workspace: no workspace ${opts.workspace ?? ''}`.trim());
  if (workspaces.length > 1) throw new UsageError('--workspace: there are several; name one');
  const pipelines = await db
    .selectFrom('pipelines')
    .leftJoin('deals', 'deals.pipeline_id', 'pipelines.id')
    .select(['pipelines.id', 'pipelines.name'])
    .select((eb) => eb.fn.count<number>('deals.id').as('deals'))
    .where('pipelines.workspace_id', '=', workspace.id)
    .$if(opts.pipeline !== undefined, (q) =>
      q.where('pipelines.name', '=', opts.pipeline as string),
    )
    .groupBy(['pipelines.id', 'pipelines.name'])
    .orderBy('deals', 'desc')
    .orderBy('pipelines.name')
    .execute();
  const pipeline = pipelines[0];
  if (!pipeline) throw new UsageError(`--pipeline: no pipeline ${opts.pipeline ?? ''}`.trim());
  return { workspaceId: workspace.id, pipelineId: pipeline.id, pipelineName: pipeline.name };
}

type Result = Awaited<ReturnType<typeof runBacktest>>;

function report(r: Result, pipelineName: string, seconds: number): string {
  const money = (minor: number) => formatMoney(Math.round(minor), r.currency);
  const day = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: r.timeZone });
  const lines = [
    `Backtest of ${pipelineName}: ${r.periods.length} periods, ${r.deals} deals, ${seconds.toFixed(1)} s`,
    ...(r.unconverted > 0
      ? [
          `${r.unconverted} deals in currencies without an exchange rate count as deals, but not in amounts (add rates under Settings → Currencies).`,
        ]
      : []),
    '',
  ];
  for (const p of r.periods) {
    lines.push(
      `${day(p.period.start)}  actual ${p.actual.count} won, ${money(p.actual.amount)}  (${p.openDeals} open at start)`,
    );
    for (const m of p.methods) {
      const interval = m.interval
        ? `  P10–P90 ${m.interval.count[0]}–${m.interval.count[1]} deals, ${money(m.interval.amount[0])}–${money(m.interval.amount[1])}${m.interval.covered.amount ? '' : ' (missed)'}`
        : '';
      lines.push(
        `  ${m.method.padEnd(15)} ${m.forecast.count.toFixed(1).padStart(7)} deals ${money(m.forecast.amount).padStart(16)}  error ${m.error.count.toFixed(1).padStart(6)} / ${money(m.error.amount)}${interval}`,
      );
    }
  }
  lines.push('', 'Mean absolute error per method (and mean absolute percentage error):');
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);
  for (const s of r.summary) {
    const coverage = s.coverage
      ? `  P10–P90 held the actual in ${Math.round(s.coverage.count * 100)}% of periods (count), ${Math.round(s.coverage.amount * 100)}% (amount)`
      : '';
    lines.push(
      `  ${s.method.padEnd(15)} ${s.countMae.toFixed(2).padStart(7)} deals (${pct(s.countMape).padStart(4)}) ${money(s.amountMae).padStart(16)} (${pct(s.amountMape).padStart(4)})${coverage}`,
    );
  }
  const periods = r.summary[0]?.mapePeriods;
  if (periods && periods.count < r.periods.length) {
    lines.push(
      `  Percentage errors leave out the ${r.periods.length - periods.count} periods that won nothing.`,
    );
  }
  lines.push(
    '',
    'Calibration of the learned chance of a win in the period (bin: predicted → observed, n):',
  );
  for (const b of r.calibration.filter((b) => b.count > 0)) {
    lines.push(
      `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${((b.meanPredicted ?? 0) * 100).toFixed(0)}% → ${((b.observed ?? 0) * 100).toFixed(0)}%, ${b.count}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
