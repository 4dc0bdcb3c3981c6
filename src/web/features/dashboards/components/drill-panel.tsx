import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDealsBehind, type DealsBehindParams } from '../api/deals-behind';
import { WidgetState } from './widget-state';
import type { Drill } from './widget-types';

function DealList({ deals, total }: { deals: { id: string; title: string }[]; total: number }) {
  const { t } = useTranslation('dashboards');
  if (deals.length === 0) return <p className="muted">{t('drill.none')}</p>;
  return (
    <>
      <p className="muted small">
        {t('drill.count', { count: total })}
        {deals.length < total && ` · ${t('drill.more', { shown: deals.length })}`}
      </p>
      <ul className="dash-drill-list" data-testid="drill-deals">
        {deals.map((d) => (
          <li key={d.id}>
            <Link to={`/deals/${d.id}`}>{d.title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function Asked({ params }: { params: DealsBehindParams }) {
  const query = useDealsBehind(params);
  return (
    <WidgetState query={query}>
      {() => query.data && <DealList deals={query.data.deals} total={query.data.count} />}
    </WidgetState>
  );
}

/** The deals behind a number or a bar, each a link to its record. */
export function DrillPanel({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const { t } = useTranslation('dashboards');
  const heading = t('drill.title', { title: drill.title });
  return (
    <section className="card dash-drill" role="region" aria-label={heading}>
      <header className="dash-drill-head">
        <h2>{heading}</h2>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('drill.close')}
        </button>
      </header>
      {'params' in drill ? (
        <Asked params={drill.params} />
      ) : (
        <DealList deals={drill.deals} total={drill.deals.length} />
      )}
    </section>
  );
}
