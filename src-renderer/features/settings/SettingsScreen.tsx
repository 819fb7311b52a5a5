import { ComingSoon } from '../../shell/ComingSoon';

export function SettingsScreen() {
  return (
    <ComingSoon title="Paramètres">
      <p>Le profil de la société, les modèles d’enveloppe et les règles de relance apparaîtront ici.</p>
    </ComingSoon>
  );
}
