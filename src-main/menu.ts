import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './ipc-contract';

export interface MenuDeps {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Forwards a command to the renderer (MENU_COMMAND_CHANNEL). */
  sendMenuCommand(command: MenuCommand): void;
  /** Goes through the external-link allow-list. */
  openExternal(url: string): void;
}

/**
 * The French application menu. Roles keep the native behaviour (undo, zoom…);
 * labels are given explicitly because Electron's defaults follow the OS
 * language, not the app's.
 */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'À propos de Contrats', click: () => deps.sendMenuCommand('about') };
  const quit: MenuItemConstructorOptions = { role: 'quit', label: 'Quitter Contrats' };

  // macOS turns the first menu into the application menu: give it its usual content.
  const macAppMenu: MenuItemConstructorOptions[] =
    deps.platform === 'darwin'
      ? [{ label: 'Contrats', submenu: [about, { type: 'separator' }, { role: 'hide', label: 'Masquer Contrats' }, { role: 'hideOthers', label: 'Masquer les autres' }, { role: 'unhide', label: 'Tout afficher' }, { type: 'separator' }, quit] }]
      : [];

  const developerItems: MenuItemConstructorOptions[] = deps.isPackaged ? [] : [{ type: 'separator' }, { role: 'toggleDevTools', label: 'Outils de développement' }];

  return [
    ...macAppMenu,
    { label: 'Fichier', submenu: [{ ...quit, label: 'Quitter' }] },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'reload', label: 'Recharger' },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Taille réelle' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
        ...developerItems,
      ],
    },
    { label: 'Fenêtre', role: 'window', submenu: [{ role: 'minimize', label: 'Réduire' }, { role: 'close', label: 'Fermer' }] },
    {
      label: 'Aide',
      role: 'help',
      submenu: [about, { type: 'separator' }, { label: 'Site de Dokos (dokos.io)', click: () => deps.openExternal('https://dokos.io') }],
    },
  ];
}
