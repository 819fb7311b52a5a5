
import { parisMonth } from '../../components/today';
import { SelectField } from '../../components/FormField';
import { recentMonths } from './labels';
import { useFormat } from '../../i18n';
/** A month chooser (the last two years and the next two months), labelled in words. */
export function MonthPicker({ label, value, onChange }: { label: string; value: string; onChange: (month: string) => void }) {
  const fmt = useFormat();
  const months = recentMonths(parisMonth());
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {(months.includes(value) ? months : [value, ...months]).map((m) => (
        <option key={m} value={m}>{fmt.month(m)}</option>
      ))}
    </SelectField>
  );
}
