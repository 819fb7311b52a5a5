import { ComingSoon } from '../../shell/ComingSoon';

export function InvoicesScreen() {
  return (
    <ComingSoon title="Factures">
      <p>La facturation mensuelle, les avoirs, les paiements et les relances apparaîtront ici.</p>
    </ComingSoon>
  );
}
