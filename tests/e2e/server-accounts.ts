import type { Page } from '@playwright/test';
import { cliOutput } from '../server/support/server-process';

/** An account made with the server's own `create-user` in `dataDir`; returns the token it printed (what an administrator hands over). */
export async function createUser(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const created = await cliOutput(['create-user', ...args, '--data-dir', dataDir], env);
  const match = /ctr_\S+/.exec(created.stdout);
  if (created.code !== 0 || !match) throw new Error(`create-user a échoué :\n${created.stdout}${created.stderr}`);
  return match[0];
}

/** The advanced sign-in of the Synchronisation screen, with a token an administrator printed (the caller checks what follows). */
export async function submitTokenSignIn(page: Page, serverUrl: string, token: string): Promise<void> {
  await page.goto('#/synchronisation');
  await page.getByLabel('Adresse du serveur').fill(serverUrl);
  await page.getByText('Connexion avancée : jeton d’accès fourni par un administrateur').click();
  await page.getByLabel('Jeton d’accès').fill(token);
  await page.getByRole('button', { name: 'Se connecter avec le jeton' }).click();
}
