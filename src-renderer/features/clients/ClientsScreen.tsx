import { ComingSoon } from '../../shell/ComingSoon';

export function ClientsScreen() {
  return (
    <ComingSoon title="Clients">
      <p>La liste des clients, leurs contrats, leurs consommations et leurs échéances apparaîtront ici.</p>
    </ComingSoon>
  );
}
