import { usePlatformAttention } from '../../data/invoicing';
import { useT } from '../../i18n';
import { href } from '../../components/router';

/** E-invoicing (issue 18): the recent documents the approved platform rejected, the clients refused or disputed. */
export function PlatformCard() {
  const t = useT();
  const counts = usePlatformAttention();
  if (!counts) return null;
  const rejected = counts.rejected ?? 0;
  const refused = counts.refused ?? 0;
  const disputed = counts.disputed ?? 0;
  return (
    <section className="card stat" aria-labelledby="platform-card-title">
      <h2 id="platform-card-title" className="stat-label">{t('platform.card')}</h2>
      <p className="stat-value">
        <a href={href('/factures', { plateforme: 'rejected' })} aria-label={rejected === 1 ? t('platform.card.rejectedOne') : t('platform.card.rejectedMany', { count: rejected })}>{rejected}</a>
      </p>
      <p className="stat-note" data-testid="platform-card-note">
        {rejected + refused + disputed === 0 ? t('platform.card.none') : rejected === 1 ? t('platform.card.rejectedOne') : t('platform.card.rejectedMany', { count: rejected })}
        {refused > 0 ? <> — <a href={href('/factures', { plateforme: 'refused' })}>{t('platform.card.refused', { count: refused })}</a></> : null}
        {disputed > 0 ? <> — <a href={href('/factures', { plateforme: 'disputed' })}>{t('platform.card.disputed', { count: disputed })}</a></> : null}
      </p>
    </section>
  );
}
