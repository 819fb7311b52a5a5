import type { FacturXFonts } from './facturx-pdf';

/**
 * The Liberation Sans faces the Factur-X documents embed (assets/fonts, SIL
 * OFL 1.1), loaded on the first Factur-X and kept: each is a lazily imported
 * chunk holding the font as a data URL, because the desktop app runs from
 * file://, where fetch cannot read a file, and the CSP allows no data: fetch.
 */
let loaded: Promise<FacturXFonts> | undefined;

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function facturXFonts(): Promise<FacturXFonts> {
  loaded ??= Promise.all([
    import('../../assets/fonts/LiberationSans-Regular.ttf?inline'),
    import('../../assets/fonts/LiberationSans-Bold.ttf?inline'),
  ]).then(([regular, bold]) => ({ regular: bytesOf(regular.default), bold: bytesOf(bold.default) }));
  return loaded;
}
