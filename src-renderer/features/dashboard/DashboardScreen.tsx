import { ComingSoon } from '../../shell/ComingSoon';

export function DashboardScreen() {
  return (
    <ComingSoon title="Tableau de bord">
      <p>Le chiffre d’affaires mensuel récurrent, les clients par offre, les dépassements du mois et les échéances des 30 prochains jours apparaîtront ici.</p>
    </ComingSoon>
  );
}
