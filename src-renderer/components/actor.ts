/**
 * Who the audit log names for a change made on this laptop. The app has no
 * user accounts yet (the central API's token identifies the laptop), so it is
 * the account manager's role; a signed-in name replaces it when sync provides one.
 */
export const LOCAL_ACTOR = 'Chargé de clientèle';
