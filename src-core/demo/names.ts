/** Names of the demo portfolio: companies, people, Dokos partners. All fictitious. */

export const ACTIVITIES: readonly string[] = [
  'Boulangerie', 'Menuiserie', 'Cabinet', 'Atelier', 'Garage', 'Pharmacie', 'Librairie', 'Imprimerie', 'Transports',
  'Bâtiment', 'Fromagerie', 'Brasserie', 'Clinique vétérinaire', 'Agence', 'Laboratoire', 'Domaine', 'Conseil',
  'Études', 'Ferronnerie', 'Plomberie', 'Électricité', 'Paysages', 'Optique', 'Architectes', 'Expertise comptable',
  'Formation', 'Logistique', 'Maroquinerie', 'Savonnerie', 'Chocolaterie', 'Coopérative', 'Association', 'Fondation',
  'Crèche', 'École', 'Hôtel', 'Restaurant', 'Camping', 'Scierie', 'Verrerie',
];

export const SURNAMES: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
  'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau',
  'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier',
  'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis',
  'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Schmitt', 'Colin', 'Weber', 'Klein', 'Baudouin', 'Marchal',
];

export const FIRST_NAMES: readonly string[] = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Claire', 'Anne', 'Sophie', 'Élodie', 'Marie',
  'Hélène', 'Louise', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Jules', 'Thomas', 'Antoine', 'Julien', 'Nicolas', 'Pierre',
  'François', 'Olivier', 'Stéphane', 'Mathieu', 'Karim', 'Mehdi', 'Yann', 'Gaëlle', 'Maëlle', 'Benoît', 'Jérôme',
];

export const LEGAL_FORMS: readonly string[] = ['SARL', 'SAS', 'SAS', 'SASU', 'EURL', 'SA', 'SCOP', 'SCI'];

export const BRANDS: readonly string[] = [
  'Numeris', 'Optimalis', 'Alpha Gestion', 'Horizon Services', 'Cap Avenir', 'Lumen', 'Vertigo', 'Atlantis', 'Kalys',
  'Ondine', 'Helios', 'Boréal', 'Odyssée', 'Sirius', 'Mistral', 'Azur Solutions', 'Terra Nova', 'Quartz', 'Orion', 'Ébène',
];

export const FOREIGN_SUFFIXES: Readonly<Record<string, string>> = {
  DE: 'GmbH', BE: 'SRL', LU: 'SARL', IT: 'S.r.l.', ES: 'S.L.', NL: 'B.V.', AT: 'GmbH', PT: 'Lda', IE: 'Ltd', PL: 'Sp. z o.o.',
  GR: 'IKE', CH: 'Sàrl', GB: 'Ltd', US: 'Inc.', CA: 'inc.', MA: 'SARL', SN: 'SUARL',
};

/** Dokos Partners: integrators who become the main contact of their clients. */
export const PARTNERS: readonly { name: string; domain: string }[] = [
  { name: 'Intégra Conseil', domain: 'integra-conseil.fr' },
  { name: 'Lorraine Numérique', domain: 'lorraine-numerique.fr' },
  { name: 'Tiers-Lieu Services', domain: 'tiers-lieu-services.fr' },
  { name: 'Coworking Solutions', domain: 'coworking-solutions.fr' },
  { name: 'Alsace ERP', domain: 'alsace-erp.fr' },
  { name: 'Open Gestion', domain: 'open-gestion.fr' },
];

/** "Lefèvre & Fils" → "lefevre-fils": e-mail domains and local parts have no accents. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
