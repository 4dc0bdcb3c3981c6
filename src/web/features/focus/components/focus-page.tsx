import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { formatMoney, formatPercent } from '../../../lib/format';
import { useCurrentUser } from '../../session/use-me';
import { useFocus, useScoringModel, type Focus } from '../api/focus';
import '../focus.css';

type RuleReason = Focus['deals'][number]['ruleReasons'][number];

function useRuleText() {
  const { t } = useTranslation('focus');
  return (r: RuleReason) => {
    const label = r.rule.startsWith('source:')
      ? t('rules.source', { name: r.rule.slice(7) })
      : t(`rules.${r.rule as 'criteriaYes'}`);
    return `${label} ${r.points > 0 ? '+' : ''}${r.points}`;
  };
}

function Chance({ p }: { p: number }) {
  const { i18n } = useTranslation();
  return (
    <span className="focus-chance">
      <span className="focus-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(p * 100)}%` }} />
      </span>
      {formatPercent(p, i18n.language)}
    </span>
  );
}

/** /focus: the open deals and leads most worth a rep's time, each with why. */
export function FocusPage() {
  const { t, i18n } = useTranslation('focus');
  const me = useCurrentUser();
  const focus = useFocus();
  const model = useScoringModel(me.role !== 'rep');
  const ruleText = useRuleText();
  const lang = i18n.language;

  return (
    <div className="focus-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {model.data && (
        <p className="focus-model">
          {model.data.heldOutAuc === null
            ? t('modelThin', { trainedOn: model.data.trainedOn })
            : t('model', {
                trainedOn: model.data.trainedOn,
                heldOut: model.data.heldOut,
                auc: formatPercent(model.data.heldOutAuc, lang),
              })}
        </p>
      )}
      {focus.isPending && <p className="muted">…</p>}
      {focus.isError && (
        <p role="alert">
          {t('loadFailed')}{' '}
          <Button variant="ghost" onClick={() => void focus.refetch()}>
            {t('retry')}
          </Button>
        </p>
      )}
      {focus.data && (
        <>
          <h2>{t('deals')}</h2>
          {focus.data.deals.length === 0 ? (
            <p className="muted">{t('emptyDeals')}</p>
          ) : (
            <ol className="focus-list">
              {focus.data.deals.map((d) => (
                <li key={d.id} className="card focus-item">
                  <div className="focus-main">
                    <Link to={`/deals/${d.id}`}>{d.title}</Link>
                    <span className="muted">
                      {d.stageName} · {formatMoney(d.value, d.currency, lang)}
                    </span>
                  </div>
                  <Chance p={d.probability} />
                  <span className="focus-expected" title={t('expected')}>
                    {d.expectedValue === null
                      ? t('noRate')
                      : formatMoney(d.expectedValue, focus.data.baseCurrency, lang)}
                  </span>
                  <span className="focus-why muted">
                    {[
                      ...d.learnedReasons.map((r) => `${r.feature} ${r.effect > 0 ? '↑' : '↓'}`),
                      ...d.ruleReasons.map(ruleText),
                    ].join(' · ')}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <h2>{t('leads')}</h2>
          {focus.data.leads.length === 0 ? (
            <p className="muted">{t('emptyLeads')}</p>
          ) : (
            <ol className="focus-list">
              {focus.data.leads.map((l) => (
                <li key={l.id} className="card focus-item">
                  <div className="focus-main">
                    <Link to={`/leads?lead=${l.id}`}>{l.name}</Link>
                    <span className="muted">{l.companyName}</span>
                  </div>
                  <span className="focus-points">
                    {l.rulePoints} {t('points')}
                  </span>
                  <Chance p={l.probability} />
                  <span className="focus-why muted">{l.ruleReasons.map(ruleText).join(' · ')}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
