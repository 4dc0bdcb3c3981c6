import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { useToast } from '../../components/ui/toast';
import { ApiError } from '../../lib/api-client';
import { parseMoney } from '../../lib/format';
import type { Deal } from '../../lib/queries/deal-types';
import { moneyDraft } from '../records/components/money-input';
import {
  useContract,
  useCreateExpansion,
  useDealLinks,
  useSaveContract,
  useStartOnboarding,
  type Contract,
} from './api';
import './post-purchase.css';

/** On a deal page: where it came from, and for a won deal its contract and what followed. */
export function AfterTheWin({ deal }: { deal: Deal }) {
  const { t } = useTranslation('postPurchase');
  const links = useDealLinks(deal.id);
  const won = deal.status === 'won';
  const contract = useContract(deal.id, won);
  const parent = links.data?.parent;
  if (!won && !parent) return null;
  return (
    <section className="card pp-section" aria-labelledby={`pp-${deal.id}`}>
      <h2 id={`pp-${deal.id}`}>{t('title')}</h2>
      {parent && (
        <p>
          {t(`parent.${parent.kind as 'renewal'}`)}{' '}
          <Link to={`/deals/${parent.dealId}`}>{t(`kind.${parent.kind as 'renewal'}`)}</Link>
        </p>
      )}
      {won && contract.isSuccess && <ContractForm dealId={deal.id} contract={contract.data} />}
      {won && <Related deal={deal} children={links.data?.children ?? []} />}
    </section>
  );
}

function ContractForm({ dealId, contract }: { dealId: string; contract: Contract | null }) {
  const { t } = useTranslation('postPurchase');
  const toast = useToast();
  const save = useSaveContract(dealId);
  const currency = contract?.currency ?? 'VND';
  const [startsOn, setStartsOn] = useState(contract?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(contract?.endsOn ?? '');
  const [recurring, setRecurring] = useState(
    contract?.recurringValue != null ? moneyDraft(contract.recurringValue, currency).amount : '',
  );
  const [period, setPeriod] = useState<'none' | 'month' | 'year'>(
    contract?.recurringPeriod ?? 'none',
  );
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = period === 'none' ? null : parseMoney(recurring, currency);
    save.mutate(
      {
        startsOn,
        endsOn,
        recurringValue: value,
        recurringPeriod: period === 'none' ? null : period,
      },
      { onSuccess: () => toast.show(t('saved')) },
    );
  };
  return (
    <form className="pp-contract" onSubmit={submit} noValidate>
      <h3>{t('contract')}</h3>
      <div className="pp-row">
        <Field
          label={t('startsOn')}
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={error?.field === 'startsOn' ? error.message : undefined}
        />
        <Field
          label={t('endsOn')}
          type="date"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={error?.field === 'endsOn' ? error.message : undefined}
        />
        <Field
          label={t('recurring')}
          inputMode="decimal"
          value={recurring}
          disabled={period === 'none'}
          onChange={(e) => setRecurring(e.target.value)}
          error={error?.field === 'recurringValue' ? error.message : undefined}
        />
        <div className="field">
          <label htmlFor={`pp-period-${dealId}`}>&nbsp;</label>
          <select
            id={`pp-period-${dealId}`}
            aria-label={t('recurring')}
            value={period}
            onChange={(e) => setPeriod(e.target.value as 'none')}
          >
            {(['none', 'month', 'year'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && !['startsOn', 'endsOn', 'recurringValue'].includes(error.field ?? '') && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <p className="muted">{t('renewalNote')}</p>
      <Button type="submit" disabled={save.isPending || !startsOn || !endsOn}>
        {t('save')}
      </Button>
    </form>
  );
}

type Child = { dealId: string; kind: string; title: string; termEndsOn: string | null };

function Related({ deal, children }: { deal: Deal; children: Child[] }) {
  const { t } = useTranslation('postPurchase');
  const toast = useToast();
  const onboarding = useStartOnboarding(deal.id);
  const expansion = useCreateExpansion(deal.id);
  const [title, setTitle] = useState('');
  const [value, setValue] = useState('');
  const hasOnboarding = children.some((c) => c.kind === 'onboarding');
  return (
    <div className="pp-related">
      <h3>{t('related')}</h3>
      {children.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul>
          {children.map((c) => (
            <li key={c.dealId}>
              <span className="pp-kind">{t(`kind.${c.kind as 'renewal'}`)}</span>{' '}
              <Link to={`/deals/${c.dealId}`}>{c.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {!hasOnboarding && (
        <Button
          variant="primary"
          disabled={onboarding.isPending}
          onClick={() =>
            onboarding.mutate(undefined, {
              onSuccess: () => toast.show(t('onboardingStarted')),
              onError: (e) => toast.show(e.message),
            })
          }
        >
          {t('startOnboarding')}
        </Button>
      )}
      <form
        className="pp-row pp-expansion"
        onSubmit={(e) => {
          e.preventDefault();
          expansion.mutate(
            { title: title.trim(), value: parseMoney(value, deal.currency) ?? 0 },
            {
              onSuccess: () => {
                setTitle('');
                setValue('');
              },
              onError: (err) => toast.show(err.message),
            },
          );
        }}
      >
        <Field
          label={t('expansionTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
        />
        <Field
          label={`${t('value')} (${deal.currency})`}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" disabled={expansion.isPending || !title.trim()}>
          {t('expansion')}
        </Button>
      </form>
    </div>
  );
}
