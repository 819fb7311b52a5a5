import type { Message } from '../../../src-core';
import { useSay } from '../../i18n';

/**
 * Why the server answered as it did: said in the interface's language from
 * the message code it sent beside its French (issue 19); a reason from an
 * older server (or one the laptop wrote only in French) is shown as stored,
 * marked French.
 */
export function ServerReason({ reason, said }: { reason: string; said?: Message | undefined }) {
  const say = useSay();
  return said ? <p>{say(said)}</p> : <p lang="fr">{reason}</p>;
}
