/** Addresses of the demo portfolio: French cities with their postal codes, and a few foreign ones. */

export interface City {
  postalCode: string;
  city: string;
}

export const FRENCH_CITIES: readonly City[] = [
  { postalCode: '75002', city: 'Paris' }, { postalCode: '75011', city: 'Paris' }, { postalCode: '75015', city: 'Paris' },
  { postalCode: '69003', city: 'Lyon' }, { postalCode: '69007', city: 'Lyon' }, { postalCode: '13001', city: 'Marseille' },
  { postalCode: '13008', city: 'Marseille' }, { postalCode: '54000', city: 'Nancy' }, { postalCode: '57000', city: 'Metz' },
  { postalCode: '67000', city: 'Strasbourg' }, { postalCode: '59000', city: 'Lille' }, { postalCode: '33000', city: 'Bordeaux' },
  { postalCode: '44000', city: 'Nantes' }, { postalCode: '31000', city: 'Toulouse' }, { postalCode: '35000', city: 'Rennes' },
  { postalCode: '34000', city: 'Montpellier' }, { postalCode: '06000', city: 'Nice' }, { postalCode: '38000', city: 'Grenoble' },
  { postalCode: '21000', city: 'Dijon' }, { postalCode: '51100', city: 'Reims' }, { postalCode: '37000', city: 'Tours' },
  { postalCode: '49000', city: 'Angers' }, { postalCode: '63000', city: 'Clermont-Ferrand' }, { postalCode: '87000', city: 'Limoges' },
  { postalCode: '25000', city: 'Besançon' }, { postalCode: '45000', city: 'Orléans' }, { postalCode: '76000', city: 'Rouen' },
  { postalCode: '14000', city: 'Caen' }, { postalCode: '29200', city: 'Brest' }, { postalCode: '74000', city: 'Annecy' },
  { postalCode: '64000', city: 'Pau' }, { postalCode: '84000', city: 'Avignon' }, { postalCode: '17000', city: 'La Rochelle' },
  { postalCode: '88000', city: 'Épinal' }, { postalCode: '10000', city: 'Troyes' }, { postalCode: '80000', city: 'Amiens' },
  { postalCode: '68100', city: 'Mulhouse' }, { postalCode: '42000', city: 'Saint-Étienne' }, { postalCode: '30000', city: 'Nîmes' },
  { postalCode: '20000', city: 'Ajaccio' }, { postalCode: '97400', city: 'Saint-Denis' }, { postalCode: '55100', city: 'Verdun' },
];

export const STREET_TYPES: readonly string[] = ['rue', 'rue', 'rue', 'avenue', 'boulevard', 'place', 'impasse', 'allée', 'quai', 'chemin'];

export const STREET_NAMES: readonly string[] = [
  'de la République', 'Victor Hugo', 'Jean Jaurès', 'des Lilas', 'Gambetta', 'Saint-Jean', 'du Général de Gaulle',
  'Pasteur', 'de la Gare', 'des Tanneurs', 'Stanislas', 'de la Paix', 'du Moulin', 'des Écoles', 'Émile Zola',
  'de Verdun', 'du Maréchal Foch', 'des Vignes', 'Voltaire', 'de l’Église', 'Sainte-Catherine', 'des Acacias',
  'du Port', 'Lafayette', 'Carnot', 'de Strasbourg', 'des Forges', 'du Château', 'Molière', 'de la Liberté',
];

export const SECOND_LINES: readonly string[] = ['Bâtiment B', 'ZA des Forges', 'Parc d’activités du Lac', '2e étage', 'BP 12', 'Zone industrielle Nord', 'Immeuble Le Central'];

/**
 * Foreign countries of the demo: inside the EU with a VAT number template
 * (`#` = a random digit, in the format of src-core/model identifiers), and
 * outside the EU, where a VAT number may be absent.
 */
export interface ForeignCountry {
  country: string;
  vatTemplate?: string;
  phonePrefix: string;
  cities: readonly City[];
  streets: readonly string[];
}

export const EU_COUNTRIES: readonly ForeignCountry[] = [
  { country: 'DE', vatTemplate: 'DE#########', phonePrefix: '+49 30', cities: [{ postalCode: '10115', city: 'Berlin' }, { postalCode: '80331', city: 'München' }], streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg'] },
  { country: 'BE', vatTemplate: 'BE0#########', phonePrefix: '+32 2', cities: [{ postalCode: '1000', city: 'Bruxelles' }, { postalCode: '4000', city: 'Liège' }], streets: ['rue Royale', 'avenue Louise'] },
  { country: 'LU', vatTemplate: 'LU########', phonePrefix: '+352', cities: [{ postalCode: 'L-1111', city: 'Luxembourg' }, { postalCode: 'L-4002', city: 'Esch-sur-Alzette' }], streets: ['route d’Arlon', 'boulevard Royal'] },
  { country: 'IT', vatTemplate: 'IT###########', phonePrefix: '+39 02', cities: [{ postalCode: '20121', city: 'Milano' }, { postalCode: '10121', city: 'Torino' }], streets: ['Via Roma', 'Corso Vittorio Emanuele'] },
  { country: 'ES', vatTemplate: 'ESB########', phonePrefix: '+34 91', cities: [{ postalCode: '28001', city: 'Madrid' }, { postalCode: '08001', city: 'Barcelona' }], streets: ['Calle Mayor', 'Avenida Diagonal'] },
  { country: 'NL', vatTemplate: 'NL#########B01', phonePrefix: '+31 20', cities: [{ postalCode: '1011 AB', city: 'Amsterdam' }], streets: ['Damrak', 'Keizersgracht'] },
  { country: 'AT', vatTemplate: 'ATU########', phonePrefix: '+43 1', cities: [{ postalCode: '1010', city: 'Wien' }], streets: ['Kärntner Straße', 'Ringstraße'] },
  { country: 'PT', vatTemplate: 'PT#########', phonePrefix: '+351 21', cities: [{ postalCode: '1100-148', city: 'Lisboa' }], streets: ['Rua Augusta'] },
  { country: 'IE', vatTemplate: 'IE#######A', phonePrefix: '+353 1', cities: [{ postalCode: 'D02 X285', city: 'Dublin' }], streets: ['Grafton Street'] },
  { country: 'PL', vatTemplate: 'PL##########', phonePrefix: '+48 22', cities: [{ postalCode: '00-001', city: 'Warszawa' }], streets: ['ulica Marszałkowska'] },
  { country: 'GR', vatTemplate: 'EL#########', phonePrefix: '+30 21', cities: [{ postalCode: '105 57', city: 'Athína' }], streets: ['Odos Ermou'] },
];

export const NON_EU_COUNTRIES: readonly ForeignCountry[] = [
  { country: 'CH', vatTemplate: 'CHE#########', phonePrefix: '+41 22', cities: [{ postalCode: '1201', city: 'Genève' }, { postalCode: '1003', city: 'Lausanne' }], streets: ['rue du Rhône', 'avenue de la Gare'] },
  { country: 'GB', vatTemplate: 'GB#########', phonePrefix: '+44 20', cities: [{ postalCode: 'EC1A 1BB', city: 'London' }, { postalCode: 'M1 1AE', city: 'Manchester' }], streets: ['High Street', 'Station Road'] },
  { country: 'US', phonePrefix: '+1 212', cities: [{ postalCode: '10001', city: 'New York, NY' }, { postalCode: '94105', city: 'San Francisco, CA' }], streets: ['Main Street', 'Market Street'] },
  { country: 'CA', phonePrefix: '+1 514', cities: [{ postalCode: 'H2X 1Y4', city: 'Montréal, QC' }], streets: ['rue Sherbrooke', 'boulevard Saint-Laurent'] },
  { country: 'MA', phonePrefix: '+212 522', cities: [{ postalCode: '20000', city: 'Casablanca' }], streets: ['boulevard Mohammed V'] },
  { country: 'SN', phonePrefix: '+221 33', cities: [{ postalCode: '10200', city: 'Dakar' }], streets: ['avenue Léopold Sédar Senghor'] },
];
