import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { scoringRules } from '../../../../contracts/scoring';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { api } from '../../../lib/api-client';

type Rules = z.infer<typeof scoringRules>;
const numbers = [
  'criterionYes',
  'criterionNo',
  'recentActivity',
  'recentActivityDays',
  'hasCompany',
  'hasEmail',
] as const;

/** "Referral = 20" per line, as people write points per source. */
const sourcesText = (s: Rules['sources']) =>
  Object.entries(s)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');

function parseSources(text: string): Rules['sources'] | string {
  const out: Rules['sources'] = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.+?)\s*=\s*(-?\d+)$/.exec(line);
    if (!m) return `${i + 1}`;
    out[(m[1] as string).trim()] = Number(m[2]);
  }
  return out;
}

/** Settings → Leads: the points behind the focus list, for admins to set. */
export function ScoringRulesForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('leads');
  const toast = useToast();
  const client = useQueryClient();
  const rules = useQuery({
    queryKey: ['scoring-rules'],
    queryFn: () => api<Rules>('/scoring/rules'),
  });
  const save = useMutation({
    mutationFn: (body: Rules) => api<Rules>('/scoring/rules', { method: 'PUT', body }),
    onSuccess: (data) => {
      client.setQueryData(['scoring-rules'], data);
      void client.invalidateQueries({ queryKey: ['focus'] });
    },
  });
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [sourceError, setSourceError] = useState<string>();
  if (!rules.data) return <p className="muted">…</p>;
  const values = draft ?? {
    ...Object.fromEntries(numbers.map((n) => [n, String(rules.data[n])])),
    sources: sourcesText(rules.data.sources),
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sources = parseSources(values.sources ?? '');
    if (typeof sources === 'string')
      return setSourceError(t('scoring.sourceLine', { line: sources }));
    setSourceError(undefined);
    save.mutate(
      {
        ...(Object.fromEntries(numbers.map((n) => [n, Number(values[n])])) as Omit<
          Rules,
          'sources'
        >),
        sources,
      },
      {
        onSuccess: () => {
          setDraft(null);
          toast.show(t('saved'));
        },
      },
    );
  };
  return (
    <form className="card settings-form" onSubmit={submit} noValidate>
      <p className="muted">{t('scoring.hint')}</p>
      <div className="leads-rules-grid">
        {numbers.map((n) => (
          <Field
            key={n}
            label={t(`scoring.${n}`)}
            type="number"
            value={values[n] ?? ''}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...values, [n]: e.target.value })}
            error={error?.field === n ? error.message : undefined}
          />
        ))}
      </div>
      <div className="field">
        <label htmlFor="leads-rule-sources">{t('scoring.sources')}</label>
        <textarea
          id="leads-rule-sources"
          rows={4}
          value={values.sources ?? ''}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...values, sources: e.target.value })}
        />
        {(sourceError ?? (error?.field?.startsWith('sources') ? error.message : undefined)) && (
          <p className="field-error" role="alert">
            {sourceError ?? error?.message}
          </p>
        )}
      </div>
      {canEdit && (
        <Button type="submit" variant="primary" disabled={!draft || save.isPending}>
          {t('save')}
        </Button>
      )}
    </form>
  );
}
