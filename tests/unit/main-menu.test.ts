/** The French application menu. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../src-main/menu';

const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label ?? item.type);
const submenu = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[];

function build(isPackaged: boolean, platform: NodeJS.Platform = 'linux') {
  const deps = { isPackaged, platform, sendMenuCommand: vi.fn(), openExternal: vi.fn() };
  return { template: buildMenuTemplate(deps), deps };
}

describe('application menu', () => {
  it('is in French with the expected menus and items', () => {
    const { template } = build(true);
    expect(labels(template)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(labels(submenu(template, 'Fichier'))).toEqual(['Quitter']);
    expect(labels(submenu(template, 'Édition'))).toEqual(['Annuler', 'Rétablir', 'separator', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']);
    expect(labels(submenu(template, 'Affichage'))).toEqual(['Recharger', 'separator', 'Taille réelle', 'Zoom avant', 'Zoom arrière', 'separator', 'Plein écran']);
  });

  it('offers the developer tools only when not packaged', () => {
    const packaged = submenu(build(true).template, 'Affichage');
    const development = submenu(build(false).template, 'Affichage');
    expect(packaged.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(development.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('asks the renderer for its About dialog and opens dokos.io through the allow-list', () => {
    const { template, deps } = build(true);
    const help = submenu(template, 'Aide');
    help.find((item) => item.label === 'À propos de Contrats')?.click?.({} as never, undefined, {} as never);
    expect(deps.sendMenuCommand).toHaveBeenCalledWith('about');
    help.find((item) => item.label?.includes('dokos.io'))?.click?.({} as never, undefined, {} as never);
    expect(deps.openExternal).toHaveBeenCalledWith('https://dokos.io');
  });

  it('puts the usual application menu first on macOS', () => {
    expect(labels(build(true, 'darwin').template)).toEqual(['Contrats', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
  });
});
