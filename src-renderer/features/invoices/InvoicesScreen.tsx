import { useLocation } from '../../shell/router';
import { InvoiceList } from './InvoiceList';
import { InvoicePage } from './InvoicePage';
import { MonthlyRun } from './MonthlyRun';
import { OverdueList } from './OverdueList';

/**
 * The Factures section's sub-routes:
 *   #/factures?mois=…&statut=…&client=…&numero=…   one month's documents
 *   #/factures/facturation?mois=…                   the monthly run
 *   #/factures/impayes                              overdue documents
 *   #/factures/<id>                                 one document
 */
export function InvoicesScreen() {
  const [, first, second] = useLocation().segments;
  if (!first || second) return <InvoiceList />;
  if (first === 'facturation') return <MonthlyRun />;
  if (first === 'impayes') return <OverdueList />;
  return <InvoicePage key={first} id={first} />;
}
