/**
 * Checks the server address typed by the account manager. The token travels
 * in every request, so plain HTTP is refused except on this machine
 * (localhost / 127.0.0.1: tests, a server run next to the app). Returns the
 * normalised origin + path without trailing slash, or a French reason.
 */
export function checkServerUrl(input: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'Adresse invalide : indiquez une adresse complète, par exemple https://contrats.dokos.fr.' };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: 'Connexion non chiffrée refusée : l’adresse doit commencer par https:// (http:// n’est admis que pour localhost).' };
  }
  if (url.username || url.password) return { ok: false, reason: 'L’adresse ne doit pas contenir d’identifiants : le jeton se saisit à part.' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
