import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { activityTypes, type ActivityType } from '../api/activity-keys';
import { useCreateActivity, type ActivityInput } from '../api/use-create-activity';
import { errorFor, isFieldError } from '../form-errors';
import { localToUtcIso, utcToLocalParts } from '../local-datetime';
import { FormRow } from './form-row';

export type ActivityLink = Pick<ActivityInput, 'dealId' | 'contactId' | 'companyId'>;

type Props = { link: ActivityLink; onDone: () => void; defaultType?: ActivityType };

const fields = ['type', 'subject', 'dueAt', 'durationMinutes', 'body'];
const tomorrow = (zone: string) =>
  utcToLocalParts(new Date(Date.now() + 86_400_000).toISOString(), zone).date;

/** A new call, meeting, task, email or note on the record; times typed in the user's zone. */
export function ActivityForm({ link, onDone, defaultType = 'call' }: Props) {
  const { t } = useTranslation('records');
  const zone = userTimeZone(useCurrentUser());
  const toast = useToast();
  const create = useCreateActivity();
  const [type, setType] = useState<ActivityType>(defaultType);
  const [subject, setSubject] = useState('');
  const [date, setDate] = useState(() => tomorrow(zone));
  const [time, setTime] = useState('10:00');
  const [allDay, setAllDay] = useState(false);
  const [duration, setDuration] = useState('30');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<'subject' | 'time' | null>(null);
  const error = create.error;

  // A note records what happened; it has no due time.
  const dated = type !== 'note';
  const dueAt = () => {
    if (!dated || !date) return null;
    // All-day activities: the server stores the owner's local midnight of that day.
    return localToUtcIso(date, allDay ? '00:00' : time, zone);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!subject.trim()) return setProblem('subject');
    if (dated && date && !allDay && !time) return setProblem('time');
    setProblem(null);
    const minutes = Number(duration);
    create.mutate(
      {
        type,
        subject,
        body,
        dueAt: dueAt(),
        allDay: dated && Boolean(date) && allDay,
        durationMinutes: type === 'meeting' && minutes > 0 ? Math.round(minutes) : null,
        ...link,
      },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (!isFieldError(err, fields))
            toast.show(err instanceof ApiError ? err.message : t('activity.failed'), 'error');
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="rec-form rec-activity-form"
      aria-label={t('activity.formTitle')}
    >
      <div className="rec-form-pair">
        <FormRow label={t('activity.type')} error={errorFor(error, 'type')}>
          {(a11y) => (
            <select
              {...a11y}
              value={type}
              onChange={(e) => setType(e.target.value as ActivityType)}
            >
              {activityTypes.map((value) => (
                <option key={value} value={value}>
                  {t(`activity.types.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormRow>
        <FormRow
          label={t('activity.subject')}
          error={problem === 'subject' ? t('activity.subjectRequired') : errorFor(error, 'subject')}
        >
          {(a11y) => (
            <input
              {...a11y}
              autoFocus
              maxLength={200}
              placeholder={t('activity.subjectPlaceholder')}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          )}
        </FormRow>
      </div>
      {dated && (
        <>
          <div className="rec-form-pair">
            <FormRow label={t('activity.dueDate')} error={errorFor(error, 'dueAt')}>
              {(a11y) => (
                <input
                  {...a11y}
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
              )}
            </FormRow>
            {!allDay && (
              <FormRow
                label={t('activity.dueTime')}
                error={problem === 'time' ? t('activity.timeRequired') : undefined}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    type="time"
                    value={time}
                    onChange={(e) => setTime(e.target.value)}
                  />
                )}
              </FormRow>
            )}
          </div>
          <p className="field-hint rec-activity-zone">{t('activity.zoneHint', { zone })}</p>
          <label className="rec-check">
            <input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} />
            {t('activity.allDay')}
          </label>
        </>
      )}
      {type === 'meeting' && (
        <FormRow label={t('activity.duration')} error={errorFor(error, 'durationMinutes')}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={1}
              max={1440}
              step={5}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
          )}
        </FormRow>
      )}
      <FormRow
        label={t('activity.body')}
        error={errorFor(error, 'body')}
        below={<p className="field-hint">{t('activity.bodyHint')}</p>}
      >
        {(a11y) => (
          <textarea {...a11y} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        )}
      </FormRow>
      <div className="rec-form-actions">
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('activity.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t('activity.adding') : t('activity.add')}
        </Button>
      </div>
    </form>
  );
}
