import { phrases } from '../language/phrases';

/**
 * What the FDA labels of the products doctors talk about cover (ANS_OFFLABEL): the uses answers
 * name, and each product's labelled uses among them. Kept to labels we are sure of; a product not
 * in the table is never flagged, and a family or a generic word ("toxin", "filler") gets the uses
 * of every member, so a claim is only flagged when no member could be meant.
 */

interface Use {
  use: string;
  /** How a moderator reads it in a message. */
  label: string;
  /** How answers name it; the longest match at a place wins. */
  names: string;
}

// Names are separated by "|"; a name may be several words.
const useTable: Use[] = [
  {
    use: 'masseter',
    label: 'jaw slimming',
    names:
      'masseter|masseters|jaw slimming|slimming|jaw reduction|face slimming|square jaw|teeth grinding|grinding|bruxism|bruxismo|clenching|tmj|tmd|jaw pain',
  },
  { use: 'lipFlip', label: 'a lip flip', names: 'lip flip' },
  {
    use: 'gummySmile',
    label: 'a gummy smile',
    names: 'gummy smile|gummy smiles|excessive gingival display|gingival display',
  },
  {
    use: 'mouthCorners',
    label: 'downturned mouth corners',
    names:
      'depressor anguli oris|dao|corners of the mouth|mouth corners|downturned mouth|downturned corners|mouth frown',
  },
  {
    use: 'chest',
    label: 'the chest',
    names: 'chest|décolletage|decolletage|décolleté|decollete',
  },
  { use: 'nefertiti', label: 'a Nefertiti neck lift', names: 'nefertiti' },
  {
    use: 'techNeck',
    label: 'horizontal neck lines',
    names:
      'horizontal neck lines|neck lines|tech neck|necklace lines|horizontal rings around the neck|rings around the neck|horizontal neck creases',
  },
  {
    use: 'platysma',
    label: 'platysma bands',
    names: 'platysma bands|platysmal bands|platysma|platysmal|neck bands|neck cords',
  },
  {
    use: 'glabellar',
    label: 'frown lines',
    names:
      'frown lines between the brows|frown lines between the eyebrows|glabellar lines|glabellar|frown lines|11s|11 lines|elevens|lines between the brows|between the brows|between your brows|between the eyebrows|between your eyebrows',
  },
  { use: 'forehead', label: 'forehead lines', names: 'forehead lines|forehead wrinkles|forehead' },
  {
    use: 'crowsFeet',
    label: "crow's feet",
    names:
      "crow 's feet|crows feet|crow feet|lateral canthal lines|lines at the outer corners of the eyes|lines at the outer corners of your eyes|outer corners of the eyes|outer corners of your eyes|wrinkles at the sides of the eyes|wrinkles at the sides of your eyes|sides of the eyes|sides of your eyes",
  },
  { use: 'bunnyLines', label: 'bunny lines', names: 'bunny lines' },
  {
    use: 'lipLines',
    label: 'vertical lip lines',
    names: "smoker 's lines|smokers lines|vertical lip lines|lip lines|barcode lines",
  },
  {
    use: 'chinDimpling',
    label: 'chin dimpling',
    names: 'chin dimpling|dimpled chin|orange - peel|orange peel|mentalis|pebbled chin',
  },
  {
    use: 'underarms',
    label: 'underarm sweating',
    names:
      'underarm sweating|armpit sweating|underarm sweat|armpit sweat|axillary sweating|axillary hyperhidrosis|underarm|underarms|armpit|armpits|axillary',
  },
  {
    use: 'sweating',
    label: 'sweating elsewhere',
    names: 'scalp sweating|scalp|palms|sweaty palms|feet sweating|sweating|hyperhidrosis',
  },
  { use: 'migraine', label: 'migraines', names: 'chronic migraine|migraine|migraines' },
  { use: 'oilySkin', label: 'oily skin and pores', names: 'oily skin|oil|pores|pore|sebum' },
  { use: 'calves', label: 'calf slimming', names: 'calf|calves|calf reduction' },
  {
    use: 'trapezius',
    label: 'the trapezius',
    names: 'trapezius|traps|trap botox|trap tox|barbie botox|shoulders',
  },
  {
    use: 'submental',
    label: 'fat under the chin',
    names: 'under the chin|double chin|submental fat|submental|area under the chin',
  },
  { use: 'lips', label: 'the lips', names: 'lip augmentation|lips|lip|perioral lines|perioral' },
  {
    use: 'underEye',
    label: 'under-eye hollows',
    names:
      'under - eye|under eye|under the eyes|under - eye area|tear trough|tear troughs|infraorbital hollows|infraorbital|dark circles|eye bags|under - eye bags|bags under the eyes|lower eyelid|lower eyelids|lower lid|lower lids|eyelid fat pads|eyelid fat',
  },
  { use: 'cheeks', label: 'the cheeks', names: 'cheeks|cheek|cheekbones|midface|mid - face' },
  { use: 'chin', label: 'the chin', names: 'chin' },
  { use: 'jowls', label: 'jowls', names: 'jowls|jowl' },
  { use: 'jawline', label: 'the jawline', names: 'jawline|jaw line|jaw' },
  { use: 'temples', label: 'the temples', names: 'temples|temple' },
  {
    use: 'nose',
    label: 'the nose',
    names:
      'nose|nasal|liquid rhinoplasty|non - surgical rhinoplasty|nonsurgical rhinoplasty|rhinoplasty|nose job|tip support|dorsal hump|nasal tip|depressor septi|depressor septi nasi',
  },
  { use: 'hands', label: 'the hands', names: 'hand rejuvenation|hands|hand' },
  {
    use: 'folds',
    label: 'smile lines',
    names:
      'nasolabial folds|nasolabial|smile lines|laugh lines|marionette lines|wrinkles and folds|facial wrinkles|nose - to - mouth folds|nose - to - mouth lines|folds running from your nose to the corners of your mouth|folds running from the nose to the corners of the mouth|folds from your nose to your mouth|folds from the nose to the mouth',
  },
  { use: 'lashes', label: 'eyelashes', names: 'eyelashes|eyelash|lashes|eyelash growth|lash growth' },
  {
    use: 'glaucoma',
    label: 'glaucoma',
    names: 'glaucoma|ocular hypertension|eye pressure|intraocular pressure',
  },
  { use: 'eyebrows', label: 'eyebrows', names: 'eyebrows|eyebrow|brows|brow' },
  {
    use: 'femaleHair',
    label: 'female pattern hair loss',
    names:
      "female pattern hair loss|female - pattern hair loss|hair loss in women|women 's hair loss|female hair loss",
  },
  {
    use: 'hair',
    label: 'hair loss',
    names:
      'hair loss|hair fall|hair growth|thinning hair|hair restoration|hair regrowth|androgenetic alopecia|alopecia|male pattern baldness|male - pattern baldness|pattern baldness|balding',
  },
  {
    use: 'dissolvingFiller',
    label: 'dissolving filler',
    names: 'dissolving filler|dissolve filler|dissolving hyaluronic acid filler|dissolving|reversing filler',
  },
  { use: 'absorption', label: 'helping other drugs absorb', names: 'absorption|dispersion|absorb' },
  { use: 'diabetes', label: 'type 2 diabetes', names: 'type 2 diabetes|diabetes|blood sugar' },
  {
    use: 'body',
    label: 'body fat',
    names:
      'bra fat|bra line|bra rolls|back fat|arms|belly|abdomen|stomach|love handles|flanks|thighs|knees|buttock augmentation|buttocks|buttock|butt|anywhere on the body|all over the body|fat pockets|body',
  },
  {
    use: 'weightLoss',
    label: 'weight loss',
    names: 'weight loss|weight - loss|obesity|weight management|weight - management',
  },
  {
    use: 'breasts',
    label: 'breast enhancement',
    names: 'breast enhancement|breast augmentation|breast lift|breasts|breast|cleavage',
  },
  { use: 'acne', label: 'acne', names: 'hormonal acne|cystic acne|acne|breakouts|breakout' },
  {
    use: 'acneScars',
    label: 'acne scars',
    names:
      'acne scars|acne scarring|atrophic acne scars|distensible acne scars|atrophic , distensible acne scars',
  },
  { use: 'depression', label: 'depression', names: 'depression|anxiety' },
  {
    use: 'hypertension',
    label: 'high blood pressure',
    names: 'high blood pressure|blood pressure|hypertension',
  },
  {
    use: 'prostate',
    label: 'an enlarged prostate',
    names: 'enlarged prostate|benign prostatic hyperplasia|bph|prostate',
  },
  { use: 'heartFailure', label: 'heart failure', names: 'heart failure|edema|fluid retention' },
  {
    use: 'menstrualBleeding',
    label: 'heavy menstrual bleeding',
    names: 'heavy menstrual bleeding|menstrual bleeding|heavy periods',
  },
  { use: 'melasma', label: 'melasma', names: 'melasma' },
  {
    use: 'photoaging',
    label: 'sun damage',
    names: 'sun damage|photoaging|photodamage|sun - damaged skin',
  },
  { use: 'stretchMarks', label: 'stretch marks', names: 'stretch marks|stretch mark|striae' },
  { use: 'rosacea', label: 'rosacea', names: 'rosacea|facial redness|flushing' },
  {
    use: 'vaginal',
    label: 'vaginal rejuvenation',
    names: 'vaginal rejuvenation|vaginal tightening|vaginal laxity|vaginal dryness|vaginal',
  },
  {
    use: 'skinQuality',
    label: 'skin quality',
    names: 'skin rejuvenation|rejuvenation|skin quality|skin texture|skin smoothness|skin booster',
  },
];

export const uses = useTable.map(({ use, label }) => ({ use, label }));

// A two-word name is also written hyphenated: "bra-line fat", "tear-trough hollows".
const hyphenated = (name: string) => (/^\S+ \S+$/.test(name) ? [name, name.replace(' ', ' - ')] : [name]);

export const useNames = phrases(
  useTable.map((_, i) => `@u${i}`),
  Object.fromEntries(useTable.map((u, i) => [`u${i}`, u.names.split('|').flatMap(hyphenated)])),
);

const toxin = ['glabellar', 'forehead', 'crowsFeet', 'platysma', 'underarms', 'migraine'];
const filler = ['lips', 'underEye', 'cheeks', 'chin', 'jawline', 'temples', 'hands', 'folds', 'skinQuality'];

/** Each product's labelled uses, by the keys of the treatment lexicon. */
export const labelledUses: Readonly<Record<string, readonly string[]>> = {
  botox: toxin,
  dysport: ['glabellar'],
  jeuveau: ['glabellar'],
  daxxify: ['glabellar'],
  letybo: ['glabellar'],
  xeomin: ['glabellar', 'forehead', 'crowsFeet'],
  toxin,
  kybella: ['submental', 'chin'],
  kysse: ['lips'],
  volbella: ['lips', 'underEye'],
  eyelight: ['underEye'],
  // Smoother skin of the cheeks.
  skinvive: ['skinQuality', 'cheeks'],
  voluma: ['cheeks', 'chin', 'temples'],
  lyft: ['cheeks', 'hands', 'folds'],
  defyne: ['folds', 'chin'],
  rha: ['folds', 'lipLines', 'lips'],
  // Acne scars of the cheeks, and smile lines.
  bellafill: ['acneScars', 'cheeks', 'folds'],
  refyne: ['folds'],
  restylaneContour: ['cheeks'],
  silk: ['lips'],
  juvedermUltra: ['lips', 'folds'],
  juvedermUltraPlus: ['folds'],
  volux: ['jawline'],
  vollure: ['folds'],
  filler,
  sculptra: ['folds', 'cheeks'],
  radiesse: ['folds', 'hands', 'jawline'],
  coolsculpting: ['submental', 'chin', 'jawline', 'body'],
  latisse: ['lashes'],
  // Bimatoprost's eye drops, labelled for the eye's pressure; Latisse is the lash solution.
  lumigan: ['glaucoma'],
  ozempic: ['diabetes'],
  mounjaro: ['diabetes'],
  wegovy: ['weightLoss'],
  // Semaglutide is Ozempic and Wegovy both.
  semaglutide: ['diabetes', 'weightLoss'],
  hylenex: ['absorption'],
  prp: [],
  // The FDA has approved no exosome product for any use, and no compounded drug at all.
  exosomes: [],
  compounded: [],
  // Resurfacing lasers are cleared for the skin; the FDA has cleared none for vaginal rejuvenation.
  resurfacingLaser: useTable.map((u) => u.use).filter((use) => use !== 'vaginal'),
  // Finasteride 1 mg is labelled for hair loss in men only, 5 mg for the prostate; dutasteride for
  // the prostate alone.
  finasteride: ['hair', 'prostate'],
  dutasteride: ['prostate'],
  // Tretinoin is labelled for acne, as Renova for sun damage and within Tri-Luma for melasma;
  // Retin-A Micro and isotretinoin for acne alone.
  tretinoin: ['acne', 'photoaging', 'melasma'],
  retinAMicro: ['acne'],
  isotretinoin: ['acne'],
  // Oral minoxidil is labelled for blood pressure; only the topical form for hair loss. Minoxidil
  // named without its form is labelled for both.
  oralMinoxidil: ['hypertension'],
  minoxidil: ['hair', 'femaleHair', 'hypertension'],
  rogaine: ['hair', 'femaleHair'],
  spironolactone: ['hypertension', 'heartFailure'],
  // Oral tranexamic acid is labelled for heavy menstrual bleeding; melasma is off-label.
  tranexamicAcid: ['menstrualBleeding'],
};
