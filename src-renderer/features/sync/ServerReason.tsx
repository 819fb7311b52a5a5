import { messageOfFrench } from '../../../src-core';
import { useSay } from '../../i18n';

/**
 * Why the server answered as it did, stored in French as the server wrote it:
 * one of src-core's sentences is said in the interface's language, any other
 * reason (a refusal naming its values) shown as the server's French, marked so.
 */
export function ServerReason({ reason }: { reason: string }) {
  const say = useSay();
  const said = messageOfFrench(reason);
  return said ? <p>{say(said)}</p> : <p lang="fr">{reason}</p>;
}
