import { create } from 'zustand';
import type { ApiPerson } from '../../src-core';
import { readSetting, writeSetting, type ContratsDb } from '../data';
import { SYNC_KEYS, readSyncValue, writeSyncValue } from '../data/sync-state';

/**
 * Who works on this laptop: the person the central API said the token
 * belongs to, or — never signed in — the name chosen in Paramètres. The
 * signed-in person is kept with the sync bookkeeping (signing out forgets
 * them with the server), the chosen name in the settings; zustand holds the session's copy that
 * every command reads when it writes its audit entry.
 */
export type Person = { kind: 'signedIn'; id: string; name: string; displayName: string } | { kind: 'standalone'; name: string | null };


export const usePersonStore = create<{ person: Person }>()(() => ({ person: { kind: 'standalone', name: null } }));

/** Longest actor the records accept (a contract's history event). */
const MAX_ACTOR = 120;

/** The actor a standalone laptop with no name chosen records (stored as is; the timeline says it in the interface's language). */
export const UNNAMED_LAPTOP_ACTOR = 'Poste autonome (aucun nom choisi)';

/** What follows the chosen name of a standalone laptop's person in the stored actor (the screens say it in their language). */
export const STANDALONE_ACTOR_SUFFIX = ' (poste autonome)';

/**
 * How the audit and the client timeline name the person: display name and
 * sign-in name (the server's unique identifier of the person); a standalone
 * laptop says so.
 */
export function actorLabel(person: Person): string {
  const label =
    person.kind === 'signedIn'
      ? person.displayName === person.name
        ? person.name
        : `${person.displayName} (${person.name})`
      : person.name
        ? `${person.name}${STANDALONE_ACTOR_SUFFIX}`
        : UNNAMED_LAPTOP_ACTOR;
  return label.slice(0, MAX_ACTOR);
}

/**
 * The actor the audit names for what the sync does on this laptop's behalf
 * (an issue the server refused, undone here): the person signed in on THIS
 * database — read from it, not from the window's session copy, so a test's
 * laptops each name their own — or, none stored, the session's person.
 */
export async function laptopActor(db: ContratsDb): Promise<string> {
  const signedIn = await readSyncValue<ApiPerson>(db, SYNC_KEYS.person);
  return actorLabel(signedIn ? { kind: 'signedIn', id: signedIn.id, name: signedIn.name, displayName: signedIn.displayName } : usePersonStore.getState().person);
}

/** At start: the person stored on this laptop. */
export async function loadPerson(db: ContratsDb): Promise<Person> {
  const [signedIn, standalone] = await Promise.all([readSyncValue<ApiPerson>(db, SYNC_KEYS.person), readSetting(db, 'local.personName')]);
  const person: Person = signedIn
    ? { kind: 'signedIn', id: signedIn.id, name: signedIn.name, displayName: signedIn.displayName }
    : { kind: 'standalone', name: standalone ?? null };
  usePersonStore.setState({ person });
  return person;
}

/** The server said who the token belongs to (sign-in answer or /auth/me). */
export async function rememberSignedIn(db: ContratsDb, person: ApiPerson): Promise<void> {
  await writeSyncValue(db, SYNC_KEYS.person, person);
  usePersonStore.setState({ person: { kind: 'signedIn', id: person.id, name: person.name, displayName: person.displayName } });
}

/** The name a standalone laptop's audit uses (Paramètres); empty clears it. */
export async function setStandaloneName(db: ContratsDb, name: string): Promise<void> {
  const cleaned = name.normalize('NFC').trim().slice(0, 80);
  await writeSetting(db, 'local.personName', cleaned || null);
  await loadPerson(db);
}

export async function readStandaloneName(db: ContratsDb): Promise<string | null> {
  return (await readSetting(db, 'local.personName')) ?? null;
}
