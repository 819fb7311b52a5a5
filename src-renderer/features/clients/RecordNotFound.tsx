import { useT, type MessageKey } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';

/** An id that matches nothing on this laptop (an old link, a record deleted by a sync): say so, and offer the way back. */
export function RecordNotFound({ title }: { title: MessageKey }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(title)} subtitle={<a href={href('/clients')}>{t('clients.page.backToList')}</a>} />
      <p className="empty-state">{t('clients.page.notFoundBody')}</p>
    </>
  );
}
