import { useCallback } from 'react';
import { actorLabel, STANDALONE_ACTOR_SUFFIX, UNNAMED_LAPTOP_ACTOR, usePersonStore } from '../sync/person';
import { useT } from '../i18n';

/**
 * Who the audit names for a change made on this laptop, read when the change
 * is made: the signed-in person (display name and sign-in name), or the
 * standalone laptop's chosen name, stated as such (sync/person).
 */
export const currentActor = (): string => actorLabel(usePersonStore.getState().person);

/**
 * A stored actor as the screens show it: a person's name as is; the standalone
 * laptop's mark and the unnamed laptop, stored in French, said in the
 * interface's language.
 */
export function useSayActor(): (actor: string) => string {
  const t = useT();
  return useCallback(
    (actor) =>
      actor === UNNAMED_LAPTOP_ACTOR
        ? t('sync.state.unnamedLaptop')
        : actor.endsWith(STANDALONE_ACTOR_SUFFIX)
          ? t('actor.standalone', { name: actor.slice(0, -STANDALONE_ACTOR_SUFFIX.length) })
          : actor,
    [t],
  );
}
