import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { useToast } from '../../../components/ui/toast';
import type { DashboardFilters, DashboardLayout } from '../../../../contracts/dashboards';
import { addWidget } from '../../../../domain/dashboards/layout.js';
import { usePipelines } from '../../../lib/queries/pipelines';
import { todayIn } from '../../reports/model/report-periods';
import '../../reports/reports.css';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useDashboards, type Dashboard } from '../api/dashboards';
import { useDefaultDashboard } from '../api/default-dashboard';
import '../dashboards.css';
import {
  effectiveFilters,
  filtersToSearch,
  overrides,
  rangeOfFilters,
} from '../model/dashboard-filters';
import { DashboardFiltersBar } from './dashboard-filters-bar';
import { DashboardGrid } from './dashboard-grid';
import { DashboardHeader } from './dashboard-header';
import { DrillPanel } from './drill-panel';
import { useDashboardSaves } from './use-dashboard-saves';
import { WidgetPicker } from './widget-picker';
import type { Drill } from './widget-types';

/** A stored dashboard, or the default for the caller's role (not stored until copied). */
export type Shown = {
  saved: Dashboard | null;
  name: string;
  widgets: DashboardLayout;
  filters: DashboardFilters;
};

export function DashboardsPage() {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const { dashboardId } = useParams();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const me = useCurrentUser();
  const timeZone = userTimeZone(me);
  const today = todayIn(timeZone);
  const pipelines = usePipelines();
  const list = useDashboards();
  const template = useDefaultDashboard();
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  const [drill, setDrill] = useState<Drill | null>(null);

  const own = useMemo(
    () => list.data?.filter((d) => d.ownerId === me.id) ?? [],
    [list.data, me.id],
  );
  const saved = dashboardId ? list.data?.find((d) => d.id === dashboardId) : own[0];
  const shown: Shown | null = saved
    ? { saved, name: saved.name, widgets: saved.widgets, filters: saved.filters }
    : !dashboardId && template.data
      ? {
          saved: null,
          name: t(`defaultName.${template.data.role}`),
          widgets: template.data.widgets,
          filters: template.data.filters,
        }
      : null;

  const { save, copy, copying } = useDashboardSaves(shown, own, () => setEditing(true));

  if (pipelines.isPending || list.isPending || template.isPending)
    return <p className="page-loading">{common('state.loading')}</p>;
  if (list.isError || template.isError || pipelines.isError)
    return (
      <EmptyState title={t('loadError')}>
        {(list.error ?? template.error ?? pipelines.error)?.message}
      </EmptyState>
    );
  if (pipelines.data.length === 0)
    return (
      <EmptyState title={t('title')}>
        <p>{t('noPipelines')}</p>
        <Link to="/settings">{common('nav.settings')}</Link>
      </EmptyState>
    );
  if (!shown)
    return (
      <EmptyState title={t('notFound')}>
        <Link to="/dashboards">{t('title')}</Link>
      </EmptyState>
    );

  const filters = effectiveFilters(shown.filters, params);
  const range = rangeOfFilters(filters, today);
  const known = pipelines.data.some((p) => p.id === filters.pipelineId);
  const pipelineId =
    known && filters.pipelineId ? filters.pipelineId : (pipelines.data[0]?.id ?? '');
  const reportFilters = { pipelineId, ...range, ownerId: filters.ownerId, teamId: filters.teamId };
  const canEdit = shown.saved?.canEdit ?? false;
  const isEditing = editing && canEdit;
  const changeWidgets = (widgets: DashboardLayout) => save({ widgets });

  return (
    <div className="dashboards-page">
      <DashboardHeader
        key={shown.saved?.id ?? 'default'}
        shown={shown}
        list={list.data}
        editing={isEditing}
        onEditing={setEditing}
        onCopy={() => copy()}
        onNew={() => copy(true)}
        copying={copying}
        onSave={save}
        onAdd={() => setPicking(true)}
      />
      <p className="muted small">{t('explain')}</p>
      {!shown.saved && <p className="dash-note">{t('defaultNote')}</p>}
      {shown.saved && !canEdit && (
        <p className="dash-note">
          {t('sharedBy', { name: shown.saved.ownerName })} · {t('readOnly')}
        </p>
      )}
      <DashboardFiltersBar
        pipelines={pipelines.data}
        filters={filters}
        pipelineId={pipelineId}
        range={range}
        onChange={(next) =>
          setParams(filtersToSearch(shown.filters, next, params), { replace: true })
        }
      />
      {overrides(params) && canEdit && (
        <p className="dash-note">
          {t('filters.overridden')}{' '}
          <Button
            variant="ghost"
            onClick={() => {
              save({ filters });
              setParams(filtersToSearch(filters, filters, params), { replace: true });
            }}
          >
            {t('filters.saveAsDefault')}
          </Button>
        </p>
      )}
      {drill && <DrillPanel drill={drill} onClose={() => setDrill(null)} />}
      {shown.widgets.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
          {canEdit && (
            <Button variant="primary" onClick={() => setPicking(true)}>
              {t('picker.open')}
            </Button>
          )}
        </EmptyState>
      ) : (
        <DashboardGrid
          widgets={shown.widgets}
          editing={isEditing}
          onChange={changeWidgets}
          filters={reportFilters}
          range={range}
          today={today}
          onDrill={setDrill}
        />
      )}
      <WidgetPicker
        open={picking}
        onClose={() => setPicking(false)}
        onAdd={(w) => {
          const next = addWidget(shown.widgets, w);
          if (next) changeWidgets(next);
          else toast.show(t('picker.full'), 'error');
        }}
      />
    </div>
  );
}
