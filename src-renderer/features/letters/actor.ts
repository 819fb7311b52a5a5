/**
 * Who the audit names for letter actions. The app has no user accounts yet
 * (one account manager per laptop); when it does, this becomes the session's user.
 */
export const LETTERS_ACTOR = 'Chargé de clientèle';
