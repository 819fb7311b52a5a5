import { ComingSoon } from '../../shell/ComingSoon';
import { useT } from '../../i18n';

export function SettingsScreen() {
  const t = useT();
  return (
    <ComingSoon title={t('nav.settings')}>
      <p>Le profil de la société, les modèles d’enveloppe et les règles de relance apparaîtront ici.</p>
    </ComingSoon>
  );
}
