import { SettingsSelect, type SettingsSelectProps } from './settings-select';

type Props = Omit<SettingsSelectProps, 'children'> & {
  /** An extra first choice, e.g. "use the workspace's zone" (value ''). */
  emptyLabel?: string;
};

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Singapore', 'UTC'];
  }
})();

/** The IANA time zones the browser knows, e.g. Asia/Ho_Chi_Minh. */
export function TimeZoneSelect({ emptyLabel, ...select }: Props) {
  const { value } = select;
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <SettingsSelect {...select}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </SettingsSelect>
  );
}
