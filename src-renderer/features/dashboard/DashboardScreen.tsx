import { ComingSoon } from '../../shell/ComingSoon';
import { useT } from '../../i18n';

export function DashboardScreen() {
  const t = useT();
  return (
    <ComingSoon title={t('nav.dashboard')}>
      <p>Le chiffre d’affaires mensuel récurrent, les clients par offre, les dépassements du mois et les échéances des 30 prochains jours apparaîtront ici.</p>
    </ComingSoon>
  );
}
