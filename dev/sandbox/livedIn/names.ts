/**
 * Invented Finnish names for the lived-in record (no real persons or companies): organisations the
 * institute works with beyond the mailbox's own senders, and given names and surnames for their people.
 */
import type { Lang } from '../seed/directory';

/** Stakeholder roles, from Trail's default set (src/domain/entities.ts DEFAULT_STAKEHOLDER_ROLES). */
export type StakeholderRole =
  | 'student'
  | 'employer'
  | 'assessor'
  | 'trainer'
  | 'funder'
  | 'partnerSchool'
  | 'university'
  | 'supplier'
  | 'media'
  | 'municipality'
  | 'association'
  | 'expert';

export interface ExtraOrganisation {
  name: string;
  roles: StakeholderRole[];
  lang?: Lang;
}

/** 37 more organisations, so the record holds 60 with the mailbox's own 23 (the institute and a spam vendor are not in it). */
export const EXTRA_ORGANISATIONS: readonly ExtraOrganisation[] = [
  { name: 'Kivijärven kansalaisopisto', roles: ['partnerSchool'] },
  { name: 'Pöyryn Rakennus Oy', roles: ['employer'] },
  { name: 'Hämeenharjun Hoivapalvelut Oy', roles: ['employer'] },
  { name: 'Männikön Päiväkoti Oy', roles: ['employer'] },
  { name: 'Järvikylän kunta', roles: ['municipality'] },
  { name: 'Ylä-Harjun seurakunta', roles: ['association'] },
  { name: 'Säräisjoen Sähkö Oy', roles: ['employer'] },
  { name: 'Kehitysyhtiö Harjuvoima Oy', roles: ['funder', 'municipality'] },
  { name: 'Tilitoimisto Kääriäinen Oy', roles: ['supplier'] },
  { name: 'Autokoulu Lähtölaukaus', roles: ['supplier'] },
  { name: 'Puutarha Mäkiaho Oy', roles: ['employer'] },
  { name: 'Ravintola Kivikko', roles: ['employer'] },
  { name: 'Kuljetus Nyström Oy', roles: ['employer'] },
  { name: 'Harjuseudun työllisyyspalvelut', roles: ['municipality'] },
  { name: 'Pohjoisen aikuislukio', roles: ['partnerSchool'] },
  { name: 'Mäntyrinteen kirjasto', roles: ['municipality'] },
  { name: 'Harjulan Urheiluseura ry', roles: ['association'] },
  { name: 'Metsäkoulutus Vähäsalo Oy', roles: ['trainer'] },
  { name: 'Hyvinvointialue Harjuseutu', roles: ['employer', 'municipality'] },
  { name: 'Kotoutumispalvelut Sillanpää', roles: ['expert'] },
  { name: 'Tietotalo Lähde Oy', roles: ['supplier'] },
  { name: 'Kiinteistöhuolto Rönkkö Oy', roles: ['employer'] },
  { name: 'Harjuseudun kauppakamari', roles: ['association'] },
  { name: 'Opintokeskus Säde ry', roles: ['association', 'trainer'] },
  { name: 'Työterveys Pääskylä Oy', roles: ['supplier'] },
  { name: 'Törmälän kylätoimikunta ry', roles: ['association'] },
  { name: 'Radio Harjuaalto', roles: ['media'] },
  { name: 'Kehräämön taidekoulu', roles: ['partnerSchool'] },
  { name: 'Lämpöpumppu Jääskeläinen Oy', roles: ['employer'] },
  { name: 'Hotelli Järvenhelmi', roles: ['employer'] },
  { name: 'Sosiaalialan osaamiskeskus Aura', roles: ['expert'] },
  { name: 'Käännöstoimisto Sävel Oy', roles: ['supplier'] },
  { name: 'Pohjolan Nuorisoverkosto ry', roles: ['association'] },
  { name: 'Viherpiha Kärkkäinen', roles: ['employer'] },
  { name: 'Äärelän kansanopisto', roles: ['partnerSchool'] },
  { name: 'Säätiö Pohjantähti', roles: ['funder'] },
  { name: 'Mäntyrinteen Kuntoutus Oy', roles: ['employer'] },
];

export const GIVEN_NAMES = [
  'Päivi', 'Jyrki', 'Sirpa', 'Tapio', 'Merja', 'Esa', 'Kirsi', 'Harri', 'Tuija', 'Olli', 'Hanna', 'Ari', 'Marjo', 'Janne', 'Sanna',
  'Matti', 'Riitta', 'Jouni', 'Anu', 'Teemu', 'Leila', 'Veikko', 'Sini', 'Kalle', 'Eeva', 'Lauri', 'Outi', 'Pasi', 'Helmi', 'Väinö',
  'Aila', 'Joonas', 'Iida', 'Mikael', 'Oona', 'Eetu', 'Milla', 'Aatu', 'Ilona', 'Tuomas', 'Jaana', 'Kimmo', 'Sofia', 'Niko', 'Ulla',
] as const;

export const SURNAMES = [
  'Mäkinen', 'Hämäläinen', 'Pöllänen', 'Kääriäinen', 'Räty', 'Jääskeläinen', 'Söderberg', 'Väänänen', 'Lähteenmäki', 'Ström',
  'Kärkkäinen', 'Nyström', 'Rönkkö', 'Mäntylä', 'Pääkkönen', 'Hyvönen', 'Koivisto', 'Lehtinen', 'Peltonen', 'Turunen', 'Heinonen',
  'Laakso', 'Kettunen', 'Seppälä', 'Mattsson', 'Björklund', 'Häkkinen', 'Äijälä', 'Öhman', 'Kemppainen', 'Sillanpää', 'Tervo',
  'Niskanen', 'Ylönen', 'Vähäsalo', 'Kallio', 'Leppänen', 'Lindholm', 'Forsman', 'Karhu',
] as const;

/** Job titles by the organisation's first role. */
export const TITLES: Readonly<Record<StakeholderRole, readonly string[]>> = {
  student: ['opiskelija'],
  employer: ['toimitusjohtaja', 'henkilöstöpäällikkö', 'työpaikkaohjaaja', 'vuoroesihenkilö', 'palvelupäällikkö'],
  assessor: ['arvioija'],
  trainer: ['kouluttaja', 'koulutuspäällikkö'],
  funder: ['rahoitusasiantuntija', 'kehittämispäällikkö'],
  partnerSchool: ['rehtori', 'opinto-ohjaaja', 'lehtori', 'koulutussuunnittelija'],
  university: ['lehtori', 'TKI-asiantuntija'],
  supplier: ['asiakkuuspäällikkö', 'myyntipäällikkö', 'yrittäjä'],
  media: ['toimittaja', 'tuottaja'],
  municipality: ['sivistysjohtaja', 'työllisyyskoordinaattori', 'kirjastonjohtaja', 'palvelusihteeri'],
  association: ['toiminnanjohtaja', 'puheenjohtaja', 'järjestösihteeri'],
  expert: ['asiantuntija', 'erityisasiantuntija'],
};
