import { useLocation } from '../../components/router';
import { EReportingScreen } from './EReportingScreen';
import { InvoiceList } from './InvoiceList';
import { InvoicePage } from './InvoicePage';
import { MonthlyRun } from './MonthlyRun';
import { OverdueList } from './OverdueList';

/**
 * The Factures section's sub-routes:
 *   #/factures?mois=…&statut=…&client=…&numero=…   one month's documents
 *   #/factures/facturation?mois=…                   the monthly run
 *   #/factures/impayes                              overdue documents
 *   #/factures/e-reporting                          e-reporting of clients outside France
 *   #/factures/<id>                                 one document
 */
export function InvoicesScreen() {
  const [, first, second] = useLocation().segments;
  if (!first || second) return <InvoiceList />;
  if (first === 'facturation') return <MonthlyRun />;
  if (first === 'impayes') return <OverdueList />;
  if (first === 'e-reporting') return <EReportingScreen />;
  return <InvoicePage key={first} id={first} />;
}
