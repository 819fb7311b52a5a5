import { ComingSoon } from '../../shell/ComingSoon';
import { useT } from '../../i18n';

export function SyncScreen() {
  const t = useT();
  return (
    <ComingSoon title={t('nav.sync')}>
      <p>La connexion au serveur central et l’état de la synchronisation apparaîtront ici.</p>
    </ComingSoon>
  );
}
