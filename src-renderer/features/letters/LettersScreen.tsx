import { useLocation } from '../../components/router';
import { ComposeLetterPage } from './ComposeLetterPage';
import { LetterPage } from './LetterPage';
import { LettersOverview } from './LettersOverview';
import { PriceChangeBatchPage } from './PriceChangeBatchPage';

/** Courriers: `#/courriers`, `#/courriers/nouveau`, `#/courriers/envoi-groupe`, `#/courriers/<id>`. */
export function LettersScreen() {
  const { segments } = useLocation();
  const sub = segments[1];
  if (sub === 'nouveau') return <ComposeLetterPage />;
  if (sub === 'envoi-groupe') return <PriceChangeBatchPage />;
  if (sub) return <LetterPage id={sub} />;
  return <LettersOverview />;
}
