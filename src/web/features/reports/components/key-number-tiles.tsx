import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import type { KeyNumbers } from '../api/key-numbers';
import { unconvertedText } from './money-in-base';

function Tile({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="reports-tile">
      <dt>{label}</dt>
      <dd>
        <span className="reports-tile-value">{value}</span>
        {detail && <span className="reports-tile-detail muted small">{detail}</span>}
      </dd>
    </div>
  );
}

/** The headline numbers; money tiles list one line per currency. */
export function KeyNumberTiles({ k }: { k: KeyNumbers }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const none = t('none');
  const n = (v: number) => formatNumber(v, lang);
  const pct = (v: number | null) => (v === null ? none : formatPercent(v, lang));
  const days = (v: number | null) =>
    v === null ? none : t('tiles.days', { count: v, value: n(Math.round(v * 10) / 10) });
  const money = (v: number, currency: string) => formatMoney(v, currency, lang);
  const lines = (items: ReactNode[]) =>
    items.length === 0 ? none : items.map((item, i) => <span key={i}>{item}</span>);

  const inBase = k.inBaseCurrency;
  const base = k.baseCurrency;
  // Open and weighted values are the same deals: count each left-out amount once.
  const apart = (list: { currency: string; minor: number }[]) =>
    list.length === 0 ? none : unconvertedText(list, lang);
  const apartCount = inBase.wonValue.unconvertedCount + inBase.openAtEnd.unconvertedCount;

  return (
    <>
      <dl className="reports-tiles" aria-label={t('tiles.label')} data-testid="key-numbers">
        <Tile label={t('tiles.created')} value={n(k.created)} />
        <Tile
          label={t('tiles.winRate')}
          value={pct(k.winRate)}
          detail={t('tiles.winRateDetail', { won: n(k.won), closed: n(k.won + k.lost) })}
        />
        <Tile
          label={t('tiles.closeRate')}
          value={pct(k.closeRate.rate)}
          detail={t('tiles.closeRateDetail', {
            won: n(k.closeRate.won),
            qualified: n(k.closeRate.qualified),
          })}
        />
        <Tile
          label={t('tiles.cycle')}
          value={days(k.cycleDays.median)}
          detail={
            k.cycleDays.mean === null
              ? undefined
              : t('tiles.cycleDetail', { mean: days(k.cycleDays.mean) })
          }
        />
        <Tile
          label={t('tiles.wonValue')}
          value={lines(k.wonValue.map((w) => money(w.total, w.currency)))}
          detail={lines(
            k.wonValue.map((w) =>
              t('tiles.wonValueDetail', { count: n(w.count), median: money(w.median, w.currency) }),
            ),
          )}
        />
        <Tile
          label={t('tiles.openAtEnd')}
          value={lines(k.openAtEnd.map((o) => money(o.total, o.currency)))}
          detail={lines(
            k.openAtEnd.map((o) =>
              t('tiles.openDetail', { count: n(o.count), weighted: money(o.weighted, o.currency) }),
            ),
          )}
        />
        <Tile
          label={t('tiles.velocity')}
          value={lines(
            k.velocity
              .filter((v) => v.perDay !== null)
              .map((v) =>
                t('tiles.perDay', { value: money(Math.round(v.perDay as number), v.currency) }),
              ),
          )}
        />
        <Tile
          label={t('inBase.label', { currency: base })}
          value={money(inBase.wonValue.total, base)}
          detail={t('inBase.detail', {
            open: money(inBase.openAtEnd.total, base),
            weighted: money(inBase.openWeighted.total, base),
          })}
        />
      </dl>
      <p className="muted small" data-testid="base-currency-note">
        {apartCount === 0
          ? t('inBase.note', { currency: base })
          : t('inBase.noteMissing', {
              currency: base,
              count: apartCount,
              won: apart(inBase.wonValue.unconverted),
              open: apart(inBase.openAtEnd.unconverted),
            })}
      </p>
    </>
  );
}
