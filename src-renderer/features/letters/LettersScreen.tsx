import { ComingSoon } from '../../shell/ComingSoon';
import { useT } from '../../i18n';

export function LettersScreen() {
  const t = useT();
  return (
    <ComingSoon title={t('nav.letters')}>
      <p>Les lettres recommandées avec accusé de réception et leur suivi apparaîtront ici.</p>
    </ComingSoon>
  );
}
