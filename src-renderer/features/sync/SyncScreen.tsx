import { ComingSoon } from '../../shell/ComingSoon';

export function SyncScreen() {
  return (
    <ComingSoon title="Synchronisation">
      <p>La connexion au serveur central et l’état de la synchronisation apparaîtront ici.</p>
    </ComingSoon>
  );
}
