import { ComingSoon } from '../../shell/ComingSoon';
import { useT } from '../../i18n';

export function ClientsScreen() {
  const t = useT();
  return (
    <ComingSoon title={t('nav.clients')}>
      <p>La liste des clients, leurs contrats, leurs consommations et leurs échéances apparaîtront ici.</p>
    </ComingSoon>
  );
}
