import { ComingSoon } from '../../shell/ComingSoon';

export function LettersScreen() {
  return (
    <ComingSoon title="Courriers">
      <p>Les lettres recommandées avec accusé de réception et leur suivi apparaîtront ici.</p>
    </ComingSoon>
  );
}
