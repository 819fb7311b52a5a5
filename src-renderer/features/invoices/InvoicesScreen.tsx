import { ComingSoon } from '../../shell/ComingSoon';
import { useT } from '../../i18n';

export function InvoicesScreen() {
  const t = useT();
  return (
    <ComingSoon title={t('nav.invoices')}>
      <p>La facturation mensuelle, les avoirs, les paiements et les relances apparaîtront ici.</p>
    </ComingSoon>
  );
}
