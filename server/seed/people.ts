import type { Random } from './random';

/** Names, places and addresses that the generated people and practices are made of. */

export const firstNames = (
  'Olivia Emma Sophia Isabella Mia Harper Amelia Evelyn Abigail Ella Camila Luna Grace Chloe Hannah ' +
  'Nora Zoe Leah Aaliyah Maya Natalie Rachel Megan Lauren Jessica Ashley Brittany Samantha Nicole ' +
  'Danielle Tiffany Vanessa Monica Renee Denise Karen Linda Susan Patricia Deborah Mei Yuki Ananya ' +
  'Fatima Amara Ngozi Lucia Valentina Ximena Daniela Keisha Tamika Imani Jasmine Ingrid Svetlana ' +
  'Katarzyna Noor Leila Hana James Michael David Daniel Matthew Andrew Ryan Kevin Brian Marcus ' +
  'Carlos Luis Diego Omar Hassan Wei Kenji Raj Tyrone Derek'
).split(' ');

export const lastNames = (
  'Anderson Bennett Brooks Carter Chen Collins Delgado Dixon Ellis Fischer Flores Foster Garcia ' +
  'Goldberg Gonzalez Greene Gupta Hale Hartman Hayes Hernandez Holloway Huang Hughes Ibrahim ' +
  'Jackson Jensen Kapoor Kaur Kim Kowalczyk Lang Larsen Le Lin Lopez Mahoney Marsh Martinez ' +
  'McAllister Mendoza Miller Mitchell Morales Murphy Nakamura Nguyen Novak Okafor Olsen Ortiz Owens ' +
  'Park Patel Pearson Petrov Price Quinn Ramirez Reddy Reyes Rivera Robinson Rosen Russo Sandoval ' +
  'Schwartz Shah Sherwood Silva Singh Sokolov Stein Sullivan Tanaka Thompson Torres Tran Vargas ' +
  'Vasquez Walsh Warren Watanabe Weber Whitaker Williams Wong Yamamoto Young Zhang'
).split(' ');

export interface City {
  name: string;
  state: string;
  areaCode: string;
}

export const cities: City[] = [
  { name: 'Austin', state: 'TX', areaCode: '512' },
  { name: 'Dallas', state: 'TX', areaCode: '214' },
  { name: 'Houston', state: 'TX', areaCode: '713' },
  { name: 'San Antonio', state: 'TX', areaCode: '210' },
  { name: 'Miami', state: 'FL', areaCode: '305' },
  { name: 'Tampa', state: 'FL', areaCode: '813' },
  { name: 'Boca Raton', state: 'FL', areaCode: '561' },
  { name: 'Orlando', state: 'FL', areaCode: '407' },
  { name: 'Atlanta', state: 'GA', areaCode: '404' },
  { name: 'Charlotte', state: 'NC', areaCode: '704' },
  { name: 'Raleigh', state: 'NC', areaCode: '919' },
  { name: 'Nashville', state: 'TN', areaCode: '615' },
  { name: 'New York', state: 'NY', areaCode: '212' },
  { name: 'Brooklyn', state: 'NY', areaCode: '718' },
  { name: 'Boston', state: 'MA', areaCode: '617' },
  { name: 'Philadelphia', state: 'PA', areaCode: '215' },
  { name: 'Pittsburgh', state: 'PA', areaCode: '412' },
  { name: 'Chicago', state: 'IL', areaCode: '312' },
  { name: 'Columbus', state: 'OH', areaCode: '614' },
  { name: 'Cleveland', state: 'OH', areaCode: '216' },
  { name: 'Detroit', state: 'MI', areaCode: '313' },
  { name: 'Minneapolis', state: 'MN', areaCode: '612' },
  { name: 'Denver', state: 'CO', areaCode: '303' },
  { name: 'Scottsdale', state: 'AZ', areaCode: '480' },
  { name: 'Phoenix', state: 'AZ', areaCode: '602' },
  { name: 'Las Vegas', state: 'NV', areaCode: '702' },
  { name: 'Beverly Hills', state: 'CA', areaCode: '310' },
  { name: 'San Diego', state: 'CA', areaCode: '619' },
  { name: 'San Francisco', state: 'CA', areaCode: '415' },
  { name: 'Newport Beach', state: 'CA', areaCode: '949' },
  { name: 'Sacramento', state: 'CA', areaCode: '916' },
  { name: 'Seattle', state: 'WA', areaCode: '206' },
  { name: 'Portland', state: 'OR', areaCode: '503' },
  { name: 'Salt Lake City', state: 'UT', areaCode: '801' },
  { name: 'Kansas City', state: 'MO', areaCode: '816' },
  { name: 'St. Louis', state: 'MO', areaCode: '314' },
  { name: 'New Orleans', state: 'LA', areaCode: '504' },
  { name: 'Baltimore', state: 'MD', areaCode: '410' },
  { name: 'Richmond', state: 'VA', areaCode: '804' },
  { name: 'Louisville', state: 'KY', areaCode: '502' },
  { name: 'Oklahoma City', state: 'OK', areaCode: '405' },
  { name: 'Omaha', state: 'NE', areaCode: '402' },
  { name: 'Birmingham', state: 'AL', areaCode: '205' },
  { name: 'Charleston', state: 'SC', areaCode: '843' },
  { name: 'Honolulu', state: 'HI', areaCode: '808' },
];

/** 555-0100 to 555-0199 are reserved for fiction: no real line rings. */
export const fictionalPhone = (random: Random, areaCode: string): string =>
  `(${areaCode}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`;

/** Mail providers of the patients; `.example` is reserved, so no address here reaches anyone. */
export const patientMailDomains = [
  'mail.example',
  'inbox.example',
  'postbox.example',
  'webmail.example',
  'letterbox.example',
];

export function patientEmail(random: Random, first: string, last: string, number: number): string {
  const f = first.toLowerCase();
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const local = random.pick([
    `${f}.${l}${number}`,
    `${f[0]}${l}${number}`,
    `${f}${number}`,
    `${l}.${f}${number}`,
  ]);
  return `${local}@${random.pick(patientMailDomains)}`;
}

/** First octets of blocks that US home and mobile providers announce, so addresses look like customers'. */
const residentialFirstOctets = [
  24, 47, 50, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 166, 173, 174,
  184,
];

export function residentialIp(random: Random): string {
  return `${random.pick(residentialFirstOctets)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}
