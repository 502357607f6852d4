import type { TextAnalysis, Token } from '../language/analysis';
import { clauseEnds, negators as analysisNegators } from '../language/negation';
import { type PhraseMatch, phrases } from '../language/phrases';
import { isQuoted } from '../language/scope';
import type { TextSpan } from './engine';
import { type ReadField, spanOf } from './reviewLanguage';
import { areas, treatments } from './reviewWords';
import { lookUp } from '../lookup';

/**
 * Which way a review's words lean, for REV_MISMATCH: a lexicon-based score in the manner of the
 * general sentiment lexicons (AFINN, VADER), but of this domain. Patients rarely write "awful" of
 * a result that went wrong; they write what happened: "one brow sits higher than the other", "I
 * still can't breathe through my left nostril", "I had it dissolved elsewhere"; and of one that
 * went right, "my crow's feet are gone", "already booked my next one". So besides words of praise
 * and complaint the lexicon scores outcomes, asymmetry, remedies, care, service and loyalty, and
 * the score reads negation ("no lumps", "nobody called back"), problems that were the reason for
 * the treatment ("fixed the bump I've hated since high school"), faults of another provider
 * ("horrible lips from a previous injector"), other people's words (quotations, "everyone told me
 * she was the best"), wishes ("I wanted to love this place") and sarcasm ("Oh great, 60 units and
 * now my eyelids are at half-mast").
 */

/** Single words by lemma, -3 (furious) to 3 (glowing). */
const words: Record<string, number> = {
  // praise
  love: 3,
  adore: 3,
  enjoy: 2,
  amazing: 3,
  wonderful: 3,
  fantastic: 3,
  excellent: 3,
  incredible: 3,
  outstanding: 3,
  awesome: 3,
  superb: 3,
  phenomenal: 3,
  fabulous: 3,
  flawless: 3,
  perfect: 3,
  stunning: 3,
  gorgeous: 3,
  thrilled: 3,
  delighted: 3,
  elated: 3,
  chuffed: 3,
  unreal: 2,
  obsessed: 2,
  perfectly: 2,
  great: 2,
  beautiful: 2,
  beautifully: 2,
  lovely: 2,
  happy: 2,
  pleased: 2,
  glad: 2,
  grateful: 2,
  thankful: 2,
  impressed: 2,
  recommend: 2,
  best: 2,
  gem: 2,
  artist: 2,
  talented: 2,
  skilled: 2,
  natural: 2,
  lasting: 1,
  symmetrical: 2,
  symmetric: 2,
  youthful: 2,
  younger: 2,
  worth: 2,
  exceed: 2,
  glow: 2,
  glowing: 2,
  compliment: 2,
  painless: 2,
  improvement: 2,
  fix: 2,
  correct: 1,
  repair: 1,
  rebuild: 2,
  rescue: 2,
  bonus: 1,
  naturally: 1,
  gentle: 1,
  kind: 1,
  caring: 1,
  attentive: 1,
  friendly: 1,
  welcoming: 1,
  professional: 1,
  knowledgeable: 1,
  thorough: 1,
  careful: 1,
  precise: 1,
  meticulous: 1,
  honest: 1,
  upfront: 1,
  patient: 1,
  calm: 1,
  comfortable: 1,
  easy: 1,
  quick: 1,
  smooth: 1,
  smoother: 1,
  soft: 1,
  softer: 1,
  subtle: 1,
  balanced: 1,
  fresh: 1,
  sharp: 1,
  sharper: 1,
  defined: 1,
  slimmer: 1,
  tight: 1,
  tighter: 1,
  brighter: 1,
  lighter: 1,
  clearer: 1,
  nice: 1,
  good: 1,
  improve: 1,
  difference: 1,
  thank: 1,
  thanks: 1,
  appreciate: 1,
  like: 2,
  apology: 1,
  apologize: 1,
  callback: 1,
  fair: 1,
  reasonable: 1,
  spotless: 1,
  efficient: 1,
  bargain: 1,
  refund: 1,
  // complaint
  awful: -3,
  terrible: -3,
  appalling: -3,
  atrocious: -3,
  dreadful: -3,
  disgrace: -3,
  disgraceful: -3,
  shambles: -3,
  horrible: -3,
  horrendous: -3,
  worst: -3,
  nightmare: -3,
  disaster: -3,
  botch: -3,
  botched: -3,
  butcher: -3,
  butchered: -3,
  ruin: -3,
  deformed: -3,
  scam: -3,
  ripoff: -3,
  incompetent: -3,
  negligent: -3,
  furious: -3,
  hate: -3,
  disgusting: -3,
  disgusted: -3,
  traumatic: -3,
  devastated: -3,
  necrosis: -3,
  occlusion: -3,
  infection: -3,
  infected: -3,
  disappoint: -2,
  disappointed: -2,
  disappointing: -2,
  disappointment: -2,
  letdown: -2,
  regret: -2,
  lopsided: -2,
  uneven: -2,
  asymmetrical: -2,
  asymmetric: -2,
  asymmetry: -2,
  crooked: -2,
  rude: -2,
  rush: -2,
  rushed: -2,
  hurried: -2,
  dismissive: -2,
  ignore: -2,
  blame: -2,
  overcharge: -2,
  overcharged: -2,
  unprofessional: -2,
  careless: -2,
  sloppy: -2,
  dirty: -2,
  unsafe: -2,
  lied: -2,
  misleading: -2,
  avoid: -2,
  waste: -2,
  angry: -2,
  upset: -2,
  unhappy: -2,
  frustrating: -2,
  frustrated: -2,
  poor: -2,
  poorly: -2,
  worse: -2,
  bad: -2,
  refuse: -2,
  pushy: -2,
  overpriced: -2,
  lumpy: -2,
  lump: -2,
  nodule: -2,
  ridge: -2,
  dent: -2,
  ripple: -2,
  rippling: -2,
  droopy: -2,
  droop: -2,
  drooping: -2,
  overfilled: -2,
  overdone: -2,
  migrate: -2,
  migration: -2,
  blister: -2,
  burn: -2,
  blotch: -2,
  blotchy: -2,
  hardening: -2,
  contracture: -2,
  collapse: -2,
  pinched: -2,
  whistle: -2,
  cancel: -2,
  complain: -2,
  mess: -2,
  chaos: -2,
  // what a bad result is likened to
  chipmunk: -2,
  duck: -2,
  sausage: -2,
  muppet: -2,
  witch: -2,
  dalmatian: -2,
  trout: -2,
  alien: -2,
  complaint: -1,
  hassle: -1,
  pricey: -1,
  expensive: -1,
  heavy: -1,
  frozen: -1,
  puffy: -1,
  hollow: -1,
  swollen: -1,
  swelling: -1,
  bruise: -1,
  bruising: -1,
  bluish: -1,
  numb: -1,
  numbness: -1,
  painful: -1,
  pain: -1,
  hurt: -1,
  headache: -1,
  ache: -1,
  slow: -1,
  tired: -1,
  exhausted: -1,
  sleepy: -1,
  drool: -1,
  poke: -1,
  hyperpigmentation: -1,
  rebook: -1,
  revision: -1,
  redo: -1,
  sadly: -1,
  unfortunately: -1,
  downside: -1,
  knot: -2,
  stuck: -2,
  worry: -1,
  worrying: -1,
  invisible: 1,
  examine: 1,
  listen: 1,
  explain: 1,
  vague: -1,
  crusting: -1,
  // what went wrong, named as a problem: "zero issues", "no complications" are good news
  issue: -1,
  problem: -1,
  complication: -2,
  // outcomes a body shows: "raw weeping patches", "one nipple pointing sideways", "the shelf look"
  raw: -1,
  weeping: -2,
  dribble: -1,
  oozing: -2,
  sideways: -2,
  shelf: -2,
  sting: -1,
  dry: -1,
  rough: -1,
  uncomfortable: -1,
  // how the reviewer was treated when something went wrong: blamed, brushed off, sold to
  fault: -2,
  shrug: -2,
  dismiss: -2,
  dismissed: -2,
  argue: -2,
  upsell: -2,
  pressure: -2,
  pressured: -2,
  // feelings about it
  annoyed: -2,
  irritated: -2,
  miserable: -2,
  // evaluative words of every review, by what they judge
  // the result, well
  ecstatic: 3,
  stoked: 2,
  blessed: 2,
  happier: 2,
  favorite: 2,
  satisfied: 2,
  confident: 2,
  confidence: 1,
  radiant: 2,
  snatched: 2,
  dewy: 1,
  plump: 1,
  sculpted: 1,
  contoured: 1,
  lifted: 1,
  firmer: 1,
  // the person, well
  magic: 2,
  magician: 2,
  wizard: 2,
  angel: 2,
  legend: 2,
  warm: 1,
  reassuring: 1,
  compassionate: 1,
  genuine: 1,
  trustworthy: 1,
  expert: 1,
  // the result, badly
  underwhelming: -2,
  underwhelmed: -2,
  mediocre: -2,
  unimpressed: -2,
  lackluster: -2,
  subpar: -2,
  shoddy: -2,
  pointless: -2,
  useless: -2,
  worthless: -2,
  overrated: -2,
  dissatisfied: -2,
  unsatisfied: -2,
  meh: -1,
  ruined: -3,
  disfigured: -3,
  scarred: -2,
  paralyzed: -2,
  expressionless: -2,
  unnatural: -2,
  fake: -2,
  bumpy: -2,
  saggy: -2,
  deflated: -1,
  weird: -1,
  strange: -1,
  // pain and fear undergone
  agony: -2,
  excruciating: -2,
  unbearable: -2,
  traumatized: -3,
  traumatizing: -3,
  // the person or the place, badly
  condescending: -2,
  arrogant: -2,
  cold: -1,
  amateur: -2,
  scammed: -3,
  ghosted: -2,
  sketchy: -2,
  wasted: -2,
  unsanitary: -2,
  filthy: -2,
  gross: -1,
  awkward: -1,
  perfection: 3,
  sweet: 1,
  pretty: 2,
  work: 1,
};

/** Words whose valence holds in one part of speech only: "patient" the adjective, not the person. */
const onlyAs: Record<string, string[]> = {
  like: ['VERB'],
  patient: ['ADJ'],
  kind: ['ADJ'],
  fine: ['ADJ'],
  good: ['ADJ', 'NOUN'],
  sharp: ['ADJ'],
  fair: ['ADJ'],
  rush: ['VERB', 'ADJ'],
  fix: ['VERB'],
  correct: ['VERB'],
  repair: ['VERB'],
  burn: ['NOUN', 'VERB'],
  sweet: ['ADJ'],
  cold: ['ADJ'],
  warm: ['ADJ'],
  magic: ['ADJ', 'NOUN'],
  pretty: ['ADJ'],
  work: ['VERB'],
  pressure: ['VERB'],
};

const emoji: Record<string, number> = {
  '😍': 2,
  '🥰': 2,
  '😊': 2,
  '☺️': 2,
  '🙌': 2,
  '👍': 2,
  '💕': 2,
  '❤️': 2,
  '💖': 2,
  '💎': 2,
  '🔥': 2,
  '✨': 2,
  '🤩': 2,
  '👏': 2,
  '💯': 2,
  '😡': -2,
  '😠': -2,
  '🤬': -2,
  '😢': -2,
  '😭': -2,
  '😞': -2,
  '👎': -2,
  '💔': -2,
  '😤': -2,
  '😩': -2,
};

/** What patients come to be rid of: its going away is good news. */
const concerns = [
  'line',
  'wrinkle',
  "crow's foot",
  'crows foot',
  'elevens',
  '11',
  'crease',
  'fold',
  'spot',
  'sunspot',
  'acne',
  'scar',
  'scarring',
  'mark',
  'hollow',
  'bag',
  'circle',
  'jowl',
  'double chin',
  'chin',
  'fat',
  'bump',
  'hump',
  'headache',
  'pain',
  'ache',
  'melasma',
  'pigmentation',
  'hyperpigmentation',
  'redness',
  'rosacea',
  'vein',
  'hair',
  'pore',
  'swelling',
  'bruising',
  'bruise',
  'shadow',
  'lump',
  'texture',
  'sagging',
  'grinding',
  'clenching',
  'snoring',
  'congestion',
  'breakout',
  'hooding',
  'shedding',
  'thinning',
  'hair loss',
];

/** Comparatives that say a result or a recovery went well, or badly, against what was expected. */
const better = [
  'easier',
  'better',
  'faster',
  'quicker',
  'smoother',
  'softer',
  'clearer',
  'brighter',
  'younger',
  'sharper',
  'less painful',
  'more natural',
  'more even',
  'more subtle',
  'more comfortable',
];
const worse = [
  'harder',
  'worse',
  'bigger',
  'larger',
  'slower',
  'tougher',
  'rougher',
  'heavier',
  'higher',
  'lower',
  'fuller',
  'wider',
  'thinner',
  'smaller',
  'stronger',
  'darker',
  'deeper',
  'more painful',
];

/** How patients see the result as theirs: "they look like my lips on a good day", "like myself". */
const ownLook = ['myself', 'me', 'mine', 'my own', 'my lips', 'my face', 'my old self', 'my younger self'];

/**
 * Phrases whose meaning is not the sum of their words, with their valence. They are read first,
 * and their words are not scored again one by one; a valence of 0 silences a phrase ("not gonna
 * lie", "best friend").
 */
const phraseValence: [string, number][] = [
  ['over the moon', 3],
  // a result undone or gone wrong in the body's own words: "back to square one", "my belly button is
  // off centre", "the left side lost sensation", "the incision opened at week three"
  ['back to square one', -2],
  ['off - ? centre|center', -2],
  ['lose|lost|losing ~2 sensation|feeling', -2],
  ['wound|incision|incisions|stitches ~2 open|opened|reopened|split|burst', -2],
  // expectations
  ['@better ~3 than i|we|they? expect|fear|think|imagine|hope|plan|ever|any', 2],
  ['@better ~5 than before', 2],
  ['@worse ~3 than i|we|they? expect|want|ask|tell|say|promise|plan|hope|quote|show', -2],
  // "the swelling was more than I expected" complains, "it balanced my profile more than I expected" praises
  [
    'more|longer ~3 than i|we|they|before|ever? expect|want|ask|tell|say|promise|plan|hope|think|before|ever',
    Number.POSITIVE_INFINITY,
  ],
  ['@worse ~5 than before', -2],
  ['@worse ~4 than the|its|my? other|left|right|twin|bottom|top', -2],
  ['one side|eye|brow|lip|cheek ~6 than the other', -2],
  ['one ~6 above|below|higher|lower|bigger|smaller|fuller|than ~3 the other', -2],
  // outcomes: a concern gone, the remedy elsewhere, a result undone
  [
    '@concern ~8 be|have|are|is? gone|disappear|fade|vanish|soften|stop|clear|improve|slow|diminish|heal|lift|shrink|lighten|smaller|shallower|lighter|softer|fainter|better',
    2,
  ],
  ['@concern ~3 half as', 2],
  // "a bald spot that has filled in", "scars now barely there"; of a result, the reverse
  ['@concern ~4 fill|filled|filling in', 2],
  ['@concern ~3 barely|hardly -? there|visible|noticeable', 2],
  ['result|results|change|difference|improvement ~3 barely|hardly -? there|visible|noticeable', -2],
  // no result at all, said as a measure: "zero change in my jowls", "no difference"
  [
    'no|zero|little|minimal|hardly_any|barely_any visible|noticeable|real? change|difference|improvement|reduction',
    -2,
  ],
  // progress made, which a negation turns into none: "didn't make a dent in my scars", "can't see
  // any difference"
  ['make|made|making a|any|much dent|difference|impact', 2],
  ['see|notice|noticed ~2 any|a|much difference|change|improvement', 2],
  // the provider at work, not a treatment that worked
  ['while ~3 work|worked|working', 0],
  ['i|we work|worked in|at|for|as', 0],
  // a choice made, not swelling that went down
  ['settle|settled on|for', 0],
  ['twice|double|triple what|as ~4 told|said|quoted|promised|expected', -2],
  ['miss|missed ~3 work|school', -1],
  ['maybe|only|barely|about # percent|% better|improvement|improved', -2],
  // disappointment against what was paid or hoped; more of a complaint expected is relief
  ['i|we expect|expected|hoped for? more|better', -2],
  ['i|we expect|expected|hoped for? more @concern', 1],
  ['@concern ~2 go away|down', 2],
  // a concern that returned, not one warned of ("melasma can come back")
  ['@concern be|is|was|has|have? come|came|coming back|return|returned', -2],
  ['result|effect|volume|lift ~3 gone|disappear|vanish|fade|wear', -2],
  ['be|are|is|was|were gone|disappear|vanish', 1],
  ['under control', 2],
  ["not|n't ~3 anymore", Number.NaN],
  ['the worst part|thing', -1],
  ['do|did|does|offer|offered nothing', -2],
  ['nothing happen|happened|changed', -2],
  ['end|ended up with|at|in|getting|looking|having', -1],
  ['come|came|walk|walked out with', -1],
  // something lost: "the grafts fell out", "my hair is falling out"
  ['fall|fell|falling out', -2],
  // a result the treatment left, which reviewers rarely say of a good one
  ['leave|left me with', -1],
  // a change for the worse, a problem that spread, a remedy still needed
  ['get|got|become|became|getting|grow|grew ~2 @worse', -2],
  ["not|n't sign|signed up for", -2],
  ['spread|spreads|spreading|migrate|migrated into|above|past|beyond|under|onto', -2],
  ['ride|rode|ridden|riding up', -2],
  ['need|needs|needed ~2 dissolve|dissolving|dissolved|redo|redone|revision|fixing|correcting', -2],
  ['break|broke|breaking out', -2],
  ['urgent care', -2],
  ['emergency room', -2],
  ['too ADJ|ADV', -1],
  ['in my|your head', -2],
  ['keep|keeps|kept|try|tried ~2 sell|selling|upsell|upselling', -2],
  ['at no charge|cost', 1],
  ['no question ask|asked', 1],
  ['none|nothing of that|it help|matter', -2],
  ['able', 1],
  ['unable', -1],
  ['see|saw ~3 again', 1],
  ['and? ask|asked if|whether i|we want|wanted', 1],
  ['have|had me look|check|see|hold', 1],
  ['get rid of', 2],
  ['go|went|come|came back to where|how|what ~3 start|be|before', -2],
  ['drop|dropped|fall|fell|sink|sank|slide|slid ~1 back|right_back', -2],
  ['have|get|got|had ~2 dissolve|dissolved|removed|redone|revised', -2],
  ['wear|wore off ~3 barely|only|just? # week', -2],
  ['still there', -1],
  ['bottom|bottomed|bottoming out', -2],
  ['raised|thick|wide|widened|keloid|hypertrophic scar|scars|scarring', -2],
  // the dissolving enzyme, paid for or needed: filler that has to come out
  ['pay|paying|paid|need|needing|book|booked ~3 hyaluronidase', -2],
  ['wind tunnel', -2],
  ['same chin|nose|lip|face|result|size', -1],
  ['just|exactly as they|it did', -2],
  // no change, said as a measure: "the lines are exactly as deep as before", "grows back just as thick"
  ['exactly|just as ADJ|ADV as ~2 before|ever', -2],
  ['back exactly|just as ADJ', -2],
  // what the treatment cleared, and keeps clear
  ['clear|cleared|clears|erase|erased|erases ~4 @concern', 2],
  ['keep|keeps|kept my ~1 skin|face ~1 clear|smooth|glowing|even', 2],
  // others' praise, not the reviewer's: "everyone on here raves about her"
  ['everyone|everybody|people|they|others ~3 rave|raves|raved', 0],
  // a result gone wrong that needed putting right: "my outer brows shot up", "back for a correction"
  ['shot|shoot|shooting up', -2],
  ['back for ~1 a|an? correction|fix|redo', -2],
  ['look|looks|looked|stay|stayed ~2 same|identical', -2],
  ['=exactly|still|right where they|it|i be|start|began', -2],
  // a measure, not praise: "a good centimetre above the other", "a good hour late"
  ['a good one', 1],
  ['a good inch|centimetre|centimeter|cm|mm|hour|day|week|month|year|half|#', 0],
  // a function lost: "can't smile properly", "doesn't sit right"
  ["not|n't ~3 properly|normally", -2],
  ['brown|white|dark|raw|red|bald|discolored|weeping patch|patches|dot|dots', -1],
  ['look|looks|looking|looked done|fake|plastic|overdone|artificial|unnatural|overfilled', -2],
  ['double|twice|triple the quote|price|estimate', -2],
  // the product itself gone: "the filler that was gone in three weeks"
  ['@product that|which? be|was|is|were|had ~2 gone|worn', -2],
  ["not|n't there before", -2],
  ['not|barely|hardly|never settle|improve|change|work|help|budge', -2],
  ['out of pocket', -2],
  ['own cost|expense', -2],
  ['unless i|we pay', -2],
  ['charge|cost ~3 anyway|again|full|extra', -2],
  ['charge|charges|charged|pay|paid|paying ~5 dissolve|dissolving|dissolved|fix|fixing|redo|touch', -2],
  ['wait another|a|six|few ~1 week|month', -1],
  ['come back in|another|a ~2 week|month', -1],
  ['two? different size|sizes|height|heights|shape|shapes|direction|directions|way|ways', -2],
  ['tip|brow|lid|eyelid|breast|implant|cheek|jowl ~2 drop|drops|dropped|sag|sags|sagged|fell|droop', -2],
  ['stomach|tummy|belly|abdomen|ab ~2 flat|flatter|tight|tighter', 2],
  ['back at|in|to work|the_gym|the_office|school|normal|my_routine', 1],
  ['can|could barely|hardly|not open|close|move|lift|raise|smile|drink|eat|breathe|talk|sleep|wear', -2],
  [
    'look|looking|looks permanently|always|so|really|half? surprised|shocked|startled|angry|mad|grumpy|mean|sad|tired|exhausted|sleepy|asleep|old',
    -2,
  ],
  ['look|looks|looking|looked more|even ~1 tired|older|exhausted', -2],
  ['fit|fits|fitting ~2 better|again|looser|perfectly|my_face', 2],
  // a size lost: "went down a jean size"
  ['down|drop|dropped|lose|lost a|one|two|# ~1 size|sizes', 2],
  // clothes worn that the problem kept the reviewer from: "I wore a bikini in July"
  ['wear|wore|wearing ~2 shorts|bikini|swimsuit|tank_top|tank|crop_top|crop|sleeveless|strapless', 2],
  // what the reviewer no longer reaches for: "haven't touched a razor since March"
  [
    "not|n't|never ~1 touch|touched|need|needed|use|used|buy|bought ~2 razor|concealer|makeup|foundation|filter|filters|tweezers",
    2,
  ],
  // others noticing: "my hairdresser asked what I'm doing"
  ["ask|asks|asked|asking me? what i|you|she 'm|be|have|'ve|had? do|did|doing|done|use|using", 2],
  ['for the first time in|since', 2],
  ['back in|into my ~2 jeans|clothes|dress|dresses|size|bikini|swimsuit', 2],
  // someone close following the reviewer in: "my sister is booking her consult"
  ['sister|friend|mom|mother|daughter|coworker|husband|wife ~3 book|booked|booking', 2],
  // what others take the result for: "friends keep asking if I lost weight"
  ['ask|asks|asked|asking|think|thinks|thought ~3 lost_weight|slept|new_haircut|haircut', 2],
  ['be on me|us', -2],
  ['second|another|redo surgery|procedure|operation|round', -1],
  ['only|just|barely? spend|spent # minute', -2],
  ['price|quote|bill|cost ~3 double|twice|triple', -2],
  ['price|quote|bill|cost ~3 higher|more than', -2],
  ['scar|scars|incision ~3 low|thin|flat|faint|hidden|invisible|small|tiny', 1],
  [
    'scar|scars|incision ~4 raised|wide|widen|widened|stretched|thick|obvious|visible|red|dark|lumpy|keloid',
    -2,
  ],
  ['can|could not believe how', Number.POSITIVE_INFINITY],
  ['for anyone|those who want|wants|like|likes', 0],
  ['tell|told|recommend|recommended ~3 friend|sister|everyone|coworker|mom', 2],
  ['pay ~3 again|extra|anyway', -2],
  ['paid consult', -1],
  // an hour or more: "waited 1 hour 40 min in the lobby" (before the minutes, which would take it)
  ['wait ~4 # hour #? minute|min?', -2],
  ['wait ~4 # minute', -1],
  // billing gone wrong: "charged my card twice", "billed separately for the garment"
  ['charge|charged|bill|billed|invoice|invoiced ~4 twice|double|separately', -2],
  ['still waiting on|for ~2 answer|refund|reply|response|callback', -2],
  // "charged for three syringes when only two were opened", "nobody willing to help me appeal"
  ['charge|charged|bill|billed for ~4 when ~4 only', -2],
  ['nobody|no_one willing|would|will ~2 help|explain|answer|show', -2],
  ['bill|charge ~2 with no|without warning|notice', -2],
  ['on his|her|their phone', -2],
  ['look|looks|looking|looked sunburnt|sunburned|burnt|raw|bruised|swollen', -2],
  ['an hour past|late', -1],
  ['# minute past|late', -1],
  ['called away', -2],
  ['double book', -1],
  ['without ask|asking|warning|consent', -2],
  // nobody can tell it was done (before "nobody told me", which it would otherwise be read as)
  ['nobody|no_one ~3 can|could|would ~1 tell|figure|guess|notice|know', 1],
  ['no idea|clue ~4 done', 1],
  ['nobody ~2 ask|explain|call|warn|tell|check|follow|return|answer|get|got|respond|reply', -2],
  ['no one ~2 ask|explain|call|warn|tell|check|follow|return|answer|get|got|respond|reply', -2],
  // "nobody asked me to" (write this): no one failing the reviewer
  ['nobody ask|asked|told|paid me to', 0],
  ['no one ask|asked|told|paid me to', 0],
  // loyalty and referral
  ['book|booked|booking my|her|his|another|the? next|own', 2],
  // "I'll be back", "going back"; not "I was back at work", which the phrase of routine reads
  ["will|'ll|going|plan|planning|wait|definitely ~2 back|return", 2],
  ["would|'d ~3 again", 2],
  ['second opinion', -2],
  ['already planning|booked', 2],
  ['never go|going|went ~1 anywhere|somewhere else', 2],
  ['send|sent|refer|referred ~2 friend|sister|mom|mother|coworker|daughter', 2],
  ['tell|told ~2 my? sister|friend|mom ~2 to? book', 2],
  ['wish ~5 sooner|earlier|ago', 2],
  // the provider the reviewer should have started with: "I wish I came to her first"
  ['wish i ~3 come|came|go|gone|went|see|seen|saw|find|found to? her|him|them|here|you first', 2],
  ['should have ~3 sooner|earlier|ago', 2],
  ['can|could not believe ~3 wait', 2],
  // how the result looks
  ['look|looks|looking like @ownLook', 2],
  ['good day', 1],
  ['look|looks|looking|feel|feels ~3 younger|rested|awake|refreshed|natural|normal|fresh|lifted|@better', 2],
  ['best ~5 ever', 3],
  ['make|made|makes ~4 @better', 2],
  // a concern taken away: "erased the hollows I'd had since college"
  ['erase|erased|clear|cleared|remove|removed|banish|banished ~3 @concern', 2],
  ['worst ~5 ever', -3],
  ['look|looks|looking ~5 year ago', 2],
  ['been on|from vacation', 2],
  ['can|could ~2 breathe|see|wear|sleep ~4 again|better|now', 2],
  ['can|could ~6 again', 2],
  ['half as bad|deep|visible|noticeable|obvious', 2],
  ['even|evened|evens out', 2],
  ['settle|settled|settles down|in|nicely?', 1],
  ['can|could finally|now|still|actually', 1],
  ['exactly what|how|as|that', 2],
  ["that|which be|is|was|'s ~1 what i|we get|got|want|wanted|ask|asked", 1],
  ['still hold|holds|holding', 2],
  ['worth it|every', 2],
  ['hide|hides|hidden in the crease', 2],
  ['hard to find|see|spot|tell', 1],
  ['go|goes on flat|smooth|smoother|better', 1],
  ['stop|stopped|quit wear|wearing|need|needing|use|using|hide|hiding|cover|covering|untag|untagging', 2],
  // care, and its absence when denied
  ['explain|explained ~2 every|everything|each|exactly', 1],
  ['show|showed|walk|walked me ~4 mirror|through', 1],
  ['answer|answered ~2 my|every|all', 1],
  ['check ~1 in|up', 1],
  ['check on me', 1],
  ['call|called|text|texted ~2 back|me', 1],
  ['return|returning ~2 call|message', 1],
  ['take|took ~1 time', 1],
  ['saw me himself|herself', 1],
  ['he|she|they ~3 ask|asked if|what|whether|how', 1],
  ['remember|remembers ~2 name', 1],
  ['be? told|say|said ~3 it|that|this be|was|is just|normal|fine', -1],
  // settled phrases of praise and complaint
  ['can|could not be happier|better', 3],
  ["what 's|be|is not|n't to love|like", 3],
  ["not|n't think|believe ~3 be|was|were possible", 2],
  ["do|does|did not|n't ~1 bother|bothers me|us", 2],
  ['can|could not ask for more', 3],
  ['no complaint', 2],
  ['no regret', 2],
  ['nothing bad', 2],
  ['never again', -3],
  ["would|'d not|n't wish ~3 on", -3],
  ['be|is this|that supposed to be', -2],
  ['cool cool cool', -2],
  ['save your|yourself', -2],
  ['stay|run away', -2],
  ["do|don not|n't go|book|bother|waste|trust", -2],
  ['learn ~1 lesson', -2],
  ['thanks for nothing', -3],
  ['ten out of ten', 2],
  ['10 / 10', 2],
  ['five|5 star|stars', 0],
  ['one|1 star|stars', 0],
  ['not gonna lie', 0],
  ['not going to lie', 0],
  ['best friend', 0],
  ['feel like', 0],
  ['no longer|more', Number.NaN],
];

/** Someone else's doing: "horrible lips from a previous injector", "my first rhinoplasty elsewhere". */
const otherProviders = phrases([
  'previous|last|former|old|other|another|different|first|original|prior ~1 injector|doctor|surgeon|clinic|office|place|provider|practice|spa',
  'elsewhere',
  'somewhere|someone else',
]);
/** What a reviewer does who is leaving for another provider: "had it dissolved elsewhere". */
const leaving = new Set([
  'pay',
  'paid',
  'go',
  'went',
  'look',
  'looking',
  'try',
  'trying',
  'book',
  'consult',
  'start',
  'move',
  'switch',
  'take',
  'find',
  'see',
  'saw',
  'dissolve',
  'dissolved',
  'revision',
  'fix',
  'fixed',
  'gone',
]);

/** What the problem was that the treatment was for: "fixed the bump I've hated since high school". */
const remedies = new Set([
  'fix',
  'correct',
  'repair',
  'rebuild',
  'rescue',
  'treat',
  'address',
  'save',
  'dissolve',
]);
/** A problem of long standing, told as the reason for the visit: "awful in every photo for 15 years". */
const longStanding = phrases(
  [
    'for #|many|several|past ~2 year|decade',
    'for year|decade|age',
    'since high school',
    'since college|childhood|puberty|pregnancy|my',
    'since i|we be|was',
    'every|each year',
    'my whole|entire life',
    'all my life',
    'used to',
    'at first',
    'initially|originally',
    // the reason for leaving a product or a provider: "switched from Botox because it kept fading"
    'switch|switched|change|changed|move|moved from',
    'no amount of',
    // the condition as the reviewer lives with it: "I get bad razor bumps"
    'i =get|=have|=suffer|=struggle ~3 @concern',
  ],
  { concern: concerns },
);

/** Sarcasm said in so many words: "thanks for nothing", "really appreciated being told I asked for it". */
const sarcasmStrong = phrases([
  'thanks for nothing',
  'gift that keep|keeps on giving',
  "that be|'s a look",
  'love|appreciate|enjoy|adore being|paying told|asked|ignored|charged|rushed|blamed|lectured|kept|brushed|extra|again|more',
  // "Love that I was told 'you'll barely notice them'"
  'love|loving|appreciate|enjoy that i|we be|was|were|get|got told|charged|ignored|rushed|blamed|lectured',
]);
/** Words that are sarcastic only next to a complaint: "Oh great, ...", "What a deal.", "Five stars, truly." */
const sarcasmWeak = phrases([
  'what a deal|treat|joy|bargain|steal',
  'nice touch',
  'nothing say ~5 like',
  'so glad i pay|paid',
  'if you ~2 always? want',
  'thank|thanks ~2 for',
  'love|loving|enjoy|enjoying|appreciate|adore being|paying|waiting|spending|having',
  'love|loving|enjoy|enjoying|appreciate|rock|rocking the|this|that|my ~2 look',
  'if your goal|plan|dream|wish be|was|is',
  // "Best $11,000 I ever spent, if the aim was a scar", "Wonderful, if you enjoy molting"
  'if the aim|goal|idea|point|plan be|was|is',
  'if you ~2 enjoy|like|love|fancy',
  '🙄',
  'for anyone|those who want|wants|like|likes',
  'love|loving that',
  'oh great|sure|good|wonderful|perfect|joy|fantastic|lovely|brilliant|amazing|super',
  // "so happy I dropped $1,350 to look like a hamster", "such a fantastic deal", "the cherry on top"
  'so|just|really happy|glad|thrilled ~2 i|to ~2 pay|paid|drop|dropped|spend|spent|hand|handed',
  'such a|an ~1 deal|bargain|treat',
  'totally|absolutely|definitely worth',
  'cherry on top',
  'icing on the cake',
  'i suppose',
  'nothing like a|an|the',
  'for anyone|those who|that ~2 dream|dreamed|dreamt|fancy|fancied',
  'so? looking forward to',
  'delightful|lovely|fun being|having|paying',
  'top|full marks',
  'certainly|definitely|quite a look',
  'why not',
  'i guess',
  'would ~8 again',
  "let 's|us just? say",
  'truly',
  'sure ,',
  'really worth',
  'wow ,',
  '🙃',
]);

/** Words that lessen what follows them as a negator denies it: "far less obvious". */
const lessening = new Set(['less', 'least']);

/** The words each phrase names, to tell its own negators from one that fell in a gap. */
const patternWords: ReadonlySet<string>[] = phraseValence.map(
  ([pattern]) =>
    new Set(
      pattern
        .split(/[\s|_]+/)
        .map((word) => word.replace(/[?=]/g, ''))
        .filter((word) => word !== '' && !word.startsWith('~') && !word.startsWith('@')),
    ),
);

/** Phrases that take a word list, whose entries are part of the phrase's meaning. */
const listPatterns = new Set(phraseValence.flatMap(([pattern], k) => (pattern.includes('@') ? [k] : [])));

const compiledPhrases = phrases(
  phraseValence.map(([pattern]) => pattern),
  { concern: concerns, better, worse, ownLook, product: treatments },
);

const intensifiers = new Set([
  'really',
  'so',
  'very',
  'extremely',
  'absolutely',
  'super',
  'incredibly',
  'totally',
  'completely',
  'truly',
  'highly',
  'seriously',
  'noticeably',
  'visibly',
  'clearly',
  'finally',
  'now',
  'still',
]);
const diminishers = new Set([
  'mild',
  'minimal',
  'slightly',
  'somewhat',
  'fairly',
  'maybe',
  'bit',
  'little',
  'mildly',
  'minor',
  'tiny',
  'kinda',
  'few',
  'stray',
]);

/** The analysis's negators, and the verbs that negate what they take: "stopped hurting", "lacks volume". */
const negators = new Set([...analysisNegators, 'lack', 'stop', 'stopped']);

/** Verbs after which a negation denies the expectation, not the words after it: "didn't expect it to work this well". */
const expectations = new Set(['expect', 'think', 'believe', 'know', 'realize', 'imagine', 'stress']);

/** Words that make what follows a wish rather than an experience: "I wanted to love this place". */
const wishes = new Set(['want', 'hope', 'expect', 'wish', 'suppose', 'try', 'case', 'whether']);

export interface Sentiment {
  /**
   * Summed weight of the praise and of the complaint found, after negation, quotation and
   * sarcasm, words about the service (the front desk, the parking) counting half as much as words
   * about the treatment and its result.
   */
  positive: number;
  negative: number;
  /** How much sentiment there is at all: the praise and complaint at full weight. */
  strength: number;
  /** The words that lean each way, for the console to highlight. */
  praise: TextSpan[];
  complaint: TextSpan[];
  /** Sarcastic praise, counted as complaint. */
  sarcasm: TextSpan[];
  /**
   * Words that are sarcastic next to a complaint ("Oh fantastic", "Five stars, truly"), heard
   * whether or not the lexicon found the complaint they mock.
   */
  ironyCues: TextSpan[];
}

interface Hit {
  from: number;
  to: number;
  valence: number;
  sentence: number;
  /** The phrase it matched, if a phrase: its index in phraseValence. */
  pattern?: number;
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/**
 * The negator whose clause a word is in, if any. A negator a phrase has read already ("no one
 * asked") reaches no further, and emphatic turns of phrase deny nothing.
 */
function negatorBefore(
  tokens: Token[],
  i: number,
  sentenceStart: number,
  read: ReadonlySet<number>,
): number | null {
  if (clauseEnds.has(tokens[i].normal)) return null;
  for (let j = i - 1; j >= Math.max(sentenceStart, i - 8); j--) {
    const t = tokens[j];
    if (clauseEnds.has(t.normal) || t.type === 'tabCRLF') return null;
    if (read.has(j) || (!negators.has(t.normal) && !negators.has(t.lemma))) continue;
    const next = tokens[j + 1]?.lemma;
    // "no doubt", "not only", "no matter", "nothing but praise", "can't wait to go back"
    if (['doubt', 'only', 'matter', 'but', 'wait'].includes(next)) return null;
    // "I have never been so furious": never as ever.
    if (t.normal === 'never' && next === 'be' && ['so', 'more', 'this'].includes(tokens[j + 2]?.normal))
      return null;
    // "didn't expect it to work this well", "I cannot stress enough how much I love it"
    if (range(j + 1, Math.min(i, j + 3)).some((k) => expectations.has(tokens[k].lemma))) return null;
    if (range(i, Math.min(tokens.length, i + 4)).some((k) => tokens[k].normal === 'enough')) return null;
    return j;
  }
  return null;
}

function wordValence(token: Token): number {
  const valence = lookUp(emoji, token.text) ?? lookUp(words, token.lemma) ?? lookUp(words, token.normal);
  if (valence === undefined) return 0;
  const tags = lookUp(onlyAs, token.lemma) ?? lookUp(onlyAs, token.normal);
  // A capitalised word opening a sentence ("Good follow-through") is often taken for a name.
  return tags && !tags.includes(token.pos) && token.pos !== 'PROPN' ? 0 : valence;
}

const concernWords = new Set(concerns);
const isConcern = (t: Token) => concernWords.has(t.lemma) || concernWords.has(t.normal);

/** Verbs through which a concern is still had or seen, rather than something done with it ("still style my hair"). */
const having = new Set(['have', 'be', 'see', 'get', 'notice', 'feel', 'show']);

/** Where "still" says a concern at `at` persists, within its clause and a few words before it. */
function persistsFrom(tokens: Token[], at: number, sentenceStart: number): number | null {
  for (let i = at - 1; i >= Math.max(sentenceStart, at - 4); i--) {
    const t = tokens[i];
    if (clauseEnds.has(t.normal) || ((t.pos === 'VERB' || t.pos === 'AUX') && !having.has(t.lemma)))
      return null;
    if (t.normal === 'still') return i;
  }
  return null;
}

/** The sentiment of one sentence, word by word and phrase by phrase, before sarcasm; `taken` collects the phrases' tokens. */
function sentenceHits(analysis: TextAnalysis, index: number, taken: Set<number>): Hit[] {
  const sentence = analysis.sentences[index];
  const { tokens } = analysis;
  const hits: Hit[] = [];
  for (const m of compiledPhrases.find(analysis, [sentence])) {
    if (range(m.from, m.to).some((i) => taken.has(i))) continue;
    range(m.from, m.to).forEach((i) => taken.add(i));
    const valence = phraseValence[m.pattern][1];
    if (Number.isNaN(valence)) {
      // "no longer tired", "no more jaw pain", "doesn't ache anymore": a complaint that ended is
      // good news; "no longer smooth" the reverse; "no more than two units" neither.
      const inner = tokens[m.to - 1].normal === 'anymore';
      const about = (
        inner ? range(m.from + 1, m.to - 1) : range(m.to, Math.min(sentence.to, m.to + 3))
      ).filter((i) => tokens[i].type === 'word');
      const sum = about.reduce((total, i) => total + wordValence(tokens[i]), 0);
      const end = inner ? m.to : (about.at(-1) ?? m.to - 1) + 1;
      about.forEach((i) => taken.add(i));
      if (sum > 0) hits.push({ from: m.from, to: end, valence: -2, sentence: index });
      else if (sum < 0 || about.some((i) => isConcern(tokens[i])))
        hits.push({ from: m.from, to: end, valence: 2, sentence: index });
    } else if (valence > 0 && Number.isFinite(valence)) {
      // Praise with a complaint in its gap wishes the complaint: "would drool on myself again"; but
      // not when the phrase names the complaint ("headaches stopped") or it is lessened ("less tired").
      const own = patternWords[m.pattern];
      const gap = range(m.from, m.to).filter((i) => !own.has(tokens[i].normal) && !own.has(tokens[i].lemma));
      const lessened = gap.some((i) => negators.has(tokens[i].normal) || tokens[i].normal === 'less');
      const inner =
        listPatterns.has(m.pattern) || lessened
          ? 0
          : gap.reduce((sum, i) => sum + Math.min(0, wordValence(tokens[i])), 0);
      hits.push({
        from: m.from,
        to: m.to,
        valence: inner < 0 ? inner : valence,
        sentence: index,
        pattern: m.pattern,
      });
    } else if (valence !== 0)
      hits.push({ from: m.from, to: m.to, valence, sentence: index, pattern: m.pattern });
  }
  for (let i = sentence.from; i < sentence.to; i++) {
    if (taken.has(i)) continue;
    const valence = wordValence(tokens[i]);
    if (valence !== 0) hits.push({ from: i, to: i + 1, valence, sentence: index });
    else if (isConcern(tokens[i])) {
      // A concern that persists is the treatment failing: "I still have bags", "still creases";
      // less so when little of it is left ("still a few stray hairs").
      const still = persistsFrom(tokens, i, sentence.from);
      const little = still !== null && range(still + 1, i).some((k) => diminishers.has(tokens[k].normal));
      if (still !== null) hits.push({ from: still, to: i + 1, valence: little ? -1 : -2, sentence: index });
    }
  }
  hits.sort((a, b) => a.from - b.from);
  // "more than I expected" takes the side of what it is said of, before it in the sentence; said of
  // nothing, it is a complaint, unless it is of how long a result lasted.
  hits.forEach((hit, k) => {
    if (hit.valence !== Number.POSITIVE_INFINITY) return;
    // "more crooked than before" says what it is of itself.
    const inner = range(hit.from + 1, hit.to).reduce((sum, i) => sum + wordValence(tokens[i]), 0);
    if (inner !== 0) {
      hit.valence = inner * 1.5;
      return;
    }
    // "I can't believe how flat my stomach is" takes the side of what follows it.
    const ahead = tokens[hit.to - 1].normal === 'how';
    const said = ahead
      ? hits.slice(k + 1).find((h) => Number.isFinite(h.valence))
      : hits.slice(0, k).findLast((h) => Number.isFinite(h.valence));
    const lasting = range(sentence.from, hit.from).some((i) => tokens[i].lemma === 'last');
    hit.valence = said ? Math.sign(said.valence) : ahead ? 0 : lasting ? 2 : -1;
  });
  return hits;
}

/**
 * A hit's valence in its context: negation, wishes, other people's words, degree. A negated hit
 * is shown from its negator, so that the highlight reads "not happy" rather than "happy".
 */
function inContext(analysis: TextAnalysis, hit: Hit, taken: ReadonlySet<number>, weighing: Weighing): Hit {
  const { tokens } = analysis;
  const start = analysis.sentences[hit.sentence].from;
  const none = { ...hit, valence: 0 };
  if (isQuoted(analysis, hit)) return none;
  let valence = hit.valence;
  let from = hit.from;
  // A negator a phrase names is part of its meaning ("no complaints"); one that fell in a gap of
  // the phrase denies it ("won't go back", "never once called me back").
  const own = hit.pattern === undefined ? null : patternWords[hit.pattern];
  const inside = range(hit.from, hit.to).filter(
    (i) => negators.has(tokens[i].normal) || lessening.has(tokens[i].normal),
  );
  const inGap = own !== null && inside.some((i) => !own.has(tokens[i].normal) && !own.has(tokens[i].lemma));
  const negator = inGap ? hit.from : inside.length > 0 ? null : negatorBefore(tokens, hit.from, start, taken);
  const before = range(Math.max(start, hit.from - 2), hit.from).map((i) => tokens[i]);
  if (negator !== null || ['less', 'least'].includes(before.at(-1)?.normal ?? '')) {
    // "not happy" is a complaint; "not bad", "no lumps", "less tired" are good news, milder than praise.
    valence = valence > 0 ? -valence * 0.75 : -valence * 0.6;
    from = negator ?? hit.from - 1;
  }
  // A remedy still sought is a problem: "seeing a dermatologist to repair it"; not one done ("able to fix it").
  if (valence > 0 && isSought(tokens, hit)) valence = -1;
  // Praise someone else gave, or that was hoped for: "everyone told me she was the best", "I wanted to love it";
  // and another patient's complaint: "my friend said it hurt like hell".
  if (valence > 0 && isHearsay(analysis, hit)) return none;
  if (valence < 0 && isHearsay(analysis, hit, otherPatients)) return none;
  // A wish reaches over its own clause and what "and" joins to it: "I hope the office takes this
  // seriously and calls patients back".
  const wished = range(Math.max(start, hit.from - 10), hit.from).some(
    (i) =>
      wishes.has(tokens[i].lemma) &&
      (i >= hit.from - 4 ||
        !range(i, hit.from).some((k) => clauseEnds.has(tokens[k].normal) && tokens[k].normal !== 'and')),
  );
  if (valence > 0 && wished && hit.valence > 0) valence = -valence * 0.5;
  // What was asked for is no outcome: "I had clearly asked for something subtle".
  if (
    range(Math.max(start, hit.from - 3), hit.from).some(
      (i) => tokens[i].lemma === 'ask' && tokens[i + 1]?.normal === 'for',
    )
  )
    return none;
  if (valence < 0 && isPassing(analysis, hit)) valence *= 0.5;
  if (valence < 0) {
    // The problem the treatment was for: "to fix the asymmetry", "upper bleph for heavy lids".
    const remedied =
      range(Math.max(start, hit.from - 4), hit.from).some((i) => remedies.has(tokens[i].lemma)) ||
      isTreatedFor(tokens, hit.from, start);
    // "nearly cancelled", "almost gave up": what did not happen; but "almost no change" happened.
    const averted =
      before.some((t) => t.normal === 'nearly' || t.normal === 'almost') &&
      !negators.has(tokens[hit.from].normal);
    if (remedied || averted || isFeared(analysis, hit) || isConditional(tokens, hit, start)) return none;
    valence *= weighing.complaint;
  } else {
    valence *= weighing.praise;
  }
  const after = range(hit.to, Math.min(tokens.length, hit.to + 2)).map((i) => tokens[i]);
  if (before.some((t) => intensifiers.has(t.normal))) valence *= 1.3;
  // "a little uneven", "improved a bit"
  if ([...before, ...after].some((t) => diminishers.has(t.normal))) valence *= 0.5;
  return { ...hit, from, valence };
}

/** Words before "to fix" that make the fix done or offered rather than sought. */
const fixDone = new Set(['able', 'manage', 'offer', 'happy', 'willing', 'glad', 'quick', 'kind', 'agree']);

function isSought(tokens: Token[], hit: Hit): boolean {
  if (hit.to - hit.from !== 1 || !remedies.has(tokens[hit.from].lemma)) return false;
  if (tokens[hit.from - 1]?.normal !== 'to') return false;
  // "to fix it", "to correct them": what went wrong; "to fix the asymmetry" is what the visit was for
  if (!['it', 'them', 'this', 'that', 'everything', 'what'].includes(tokens[hit.to]?.normal)) return false;
  const before = tokens[hit.from - 2];
  return !before || !fixDone.has(before.lemma);
}

/** What healing from a treatment is like, as patients are told to expect it. */
const recovery = new Set([
  'swollen',
  'swelling',
  'swell',
  'bruise',
  'bruising',
  'bruised',
  'sore',
  'soreness',
  'tender',
  'numb',
  'numbness',
  'pain',
  'painful',
  'hurt',
  'ache',
  'headache',
  'redness',
  'red',
  'peeling',
  'tight',
  'sting',
  'burn',
  'itchy',
  'rough',
  'puffy',
  'crusting',
]);
/** A stretch of time that ended: "for five days", "the first week", "by day three". */
const passing = phrases([
  'for|first|few|couple ~3 second|minute|hour|day|week',
  'during the? shot|shots|injection|injections|procedure|treatment|session',
  'by day|week #',
  'day|days|week # - #',
]);

/**
 * Healing that passed, told as such ("swollen for five days", "a headache the first day"): what
 * patients are warned of, which counts half as much as a complaint about the result.
 */
function isPassing(analysis: TextAnalysis, hit: Hit): boolean {
  const { tokens } = analysis;
  if (clauseOf(analysis, hit).some((t) => convalescence.has(t.lemma))) return true;
  if (hit.to - hit.from !== 1 || !recovery.has(tokens[hit.from].lemma)) return false;
  let bySentence = passingIn.get(analysis);
  if (!bySentence) passingIn.set(analysis, (bySentence = new Map()));
  let passed = bySentence.get(hit.sentence);
  if (passed === undefined) {
    passed = passing.find(analysis, [analysis.sentences[hit.sentence]]).length > 0;
    bySentence.set(hit.sentence, passed);
  }
  return passed;
}

/** Whether each sentence of an analysis tells of time that passed, as it is read. */
const passingIn = new WeakMap<TextAnalysis, Map<number, boolean>>();

/** What recovering from a treatment is, and what it is done with: "the drains were awful", "recovery was rough". */
const convalescence = new Set([
  'recovery',
  'healing',
  'downtime',
  'drain',
  'garment',
  'stitch',
  'suture',
  'splint',
  'bandage',
  'dressing',
  'compress',
  'ice',
]);

/** The tokens of the clause a hit is in. */
function clauseOf(analysis: TextAnalysis, hit: Hit): Token[] {
  const { tokens } = analysis;
  const sentence = analysis.sentences[hit.sentence];
  let from = hit.from;
  while (from > sentence.from && !clauseEnds.has(tokens[from - 1].normal)) from--;
  let to = hit.to;
  while (to < sentence.to && !clauseEnds.has(tokens[to].normal)) to++;
  return range(from, to).map((i) => tokens[i]);
}

/**
 * A complaint in the consequence of a condition, which did not happen: "if they offered me a gift
 * card I'd refuse it". The reviewer's own "would" after an "if" earlier in the sentence.
 */
function isConditional(tokens: Token[], hit: Hit, start: number): boolean {
  const would = range(Math.max(start, hit.from - 3), hit.from).some(
    (i) => tokens[i].normal === "'d" || tokens[i].normal === 'would',
  );
  return would && range(start, hit.from).some((i) => tokens[i].normal === 'if');
}

/** Words of fear or expectation: what follows them was dreaded, not undergone. */
const fears = new Set([
  'nervous',
  'worried',
  'scared',
  'afraid',
  'terrified',
  'anxious',
  'fear',
  'dread',
  'expect',
  'risk',
  'paranoid',
]);
/** Where what a fear is of ends: a turn to what did happen. */
const turns = new Set(['but', 'though', 'although', 'however', 'yet', 'until', 'instead', ';', ':']);

/**
 * A complaint that was feared or expected rather than had: "I was nervous about infection",
 * "I expected to look frozen, bruised and swollen", "the infection risk". A fear that is denied
 * ("I didn't expect it to hurt") leaves the complaint standing.
 */
function isFeared(analysis: TextAnalysis, hit: Hit): boolean {
  const { tokens } = analysis;
  const start = analysis.sentences[hit.sentence].from;
  const feared = (t: Token | undefined) => t !== undefined && (fears.has(t.lemma) || fears.has(t.normal));
  if (feared(tokens[hit.to]) && tokens[hit.to].pos === 'NOUN') return true;
  for (let i = hit.from - 1; i >= Math.max(start, hit.from - 8); i--) {
    if (turns.has(tokens[i].normal)) return false;
    if (feared(tokens[i])) return !tokens[i].negated;
  }
  return false;
}

/**
 * A problem named as what the treatment was for: "for heavy lids that sat on my lashes", "for the
 * hollowness that made me look exhausted"; but not "filler for my lips left lumps", where a verb
 * of its own ends the purpose.
 */
function isTreatedFor(tokens: Token[], at: number, start: number): boolean {
  for (let i = at - 1; i >= start; i--) {
    const t = tokens[i];
    if (t.normal === 'for') {
      // "for anyone who wants a lopsided smile", "$800 for lips that point two ways": no purpose
      const whom = ['anyone', 'anybody', 'someone', 'those', 'people', 'everyone'].includes(
        tokens[i + 1]?.normal,
      );
      const price =
        tokens[i - 1] &&
        (tokens[i - 1].type === 'number' || ['pay', 'spend', 'charge'].includes(tokens[i - 1].lemma));
      // "thanks so much for the filler that was gone in three weeks": a reason, not a purpose
      const thanked = range(Math.max(start, i - 3), i).some((k) =>
        ['thank', 'thanks', 'grateful', 'thankful'].includes(tokens[k].lemma),
      );
      return !whom && !price && !thanked;
    }
    if (clauseEnds.has(t.normal) || t.type === 'punctuation') return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      const relative = range(Math.max(start, i - 3), i).some((k) =>
        ['that', 'which', 'who'].includes(tokens[k].normal),
      );
      if (!relative) return false;
    }
  }
  return false;
}

/** Who speaks well of a practice besides the reviewer, and what shows it off. */
const hearsayVoices = new Set([
  'everyone',
  'everybody',
  'people',
  'friend',
  'review',
  'they',
  'sister',
  'coworker',
]);
const hearsayVerbs = new Set([
  'tell',
  'say',
  'rave',
  'swear',
  'claim',
  'promise',
  'call',
  'post',
  'recommend',
  'love',
]);
const showcases = new Set(['instagram', 'website', 'ad', 'reputation', 'afters']);

/**
 * Praise in someone else's mouth, about the practice: "everyone told me she was the best", "their
 * Instagram looks amazing". Praise of the reviewer's own result by others ("my coworkers think I've
 * been on vacation", "everyone tells me I look rested") is what the result earned and counts. With
 * `voices` of other patients, a complaint of their own treatment: "my friend said it hurt like hell".
 */
function isHearsay(analysis: TextAnalysis, hit: Hit, voices: ReadonlySet<string> = hearsayVoices): boolean {
  const { tokens } = analysis;
  const start = analysis.sentences[hit.sentence].from;
  const praised = voices === hearsayVoices;
  const own = tokens[hit.from];
  const spokenBy = () =>
    range(Math.max(start, hit.from - 3), hit.from).some((j) => voices.has(tokens[j].lemma));
  // A referral is the referrer's word, whoever else the sentence names: "I wanted to love it, given
  // how many people recommend it", "my best friend recommended Dr. Hill".
  if (praised && hit.to - hit.from === 1 && own.lemma === 'recommend' && spokenBy()) return true;
  for (let i = hit.from - 1; i >= start; i--) {
    if (['i', 'my', 'mine'].includes(tokens[i].normal)) return false;
    if (praised && (showcases.has(tokens[i].lemma) || showcases.has(tokens[i].normal))) return true;
    // "the before and after photos looked natural": what a practice shows of its best work
    if (praised && tokens[i].lemma === 'photo' && tokens[i - 1]?.normal === 'after') return true;
    if (!hearsayVerbs.has(tokens[i].lemma)) continue;
    for (let j = i - 1; j >= Math.max(start, i - 3); j--) if (voices.has(tokens[j].lemma)) return true;
  }
  // The praise is itself what others do: "everyone loves her"
  return hit.to - hit.from === 1 && hearsayVerbs.has(own.lemma) && spokenBy();
}

/** Who tells of a treatment of their own, not the reviewer's: their complaint is not the reviewer's. */
const otherPatients = new Set(['friend', 'sister', 'coworker', 'everyone', 'everybody', 'people']);

/**
 * A sentence that is one word of praise and nothing else, after others ("Great.", "Perfect!"):
 * sarcastic when what came before it complained.
 */
function lonePraise(analysis: TextAnalysis, index: number): { from: number; to: number } | undefined {
  if (index === 0) return undefined;
  const sentence = analysis.sentences[index];
  const spoken = range(sentence.from, sentence.to).filter((i) => analysis.tokens[i].type === 'word');
  if (spoken.length !== 1 || wordValence(analysis.tokens[spoken[0]]) <= 0) return undefined;
  return { from: spoken[0], to: spoken[0] + 1 };
}

/** How much a sentence's praise and complaint count, for what the sentence is about. */
interface Weighing {
  praise: number;
  complaint: number;
}

/**
 * A problem the practice made good in the same sentence: "when my filler migrated they refunded
 * me and dissolved it at no charge". The problem is how the handling is told, not the verdict.
 */
const madeGood = phrases([
  'refund|refunded|reimburse|reimbursed me|us|my',
  'at no charge|cost',
  'free of charge',
  'fix|fixed|redo|redid|dissolve|dissolved|correct|corrected it|them for free|free|nothing',
]);

/** "Knocked a star because...", "Only four stars because...": the one complaint of a good review. */
const starDeducted = phrases([
  'knock|knocked|take|took|minus|dock|docked|deduct|lose|lost ~3 star',
  'star off',
  'only|just four|4 star',
  'only|one|biggest? downside|gripe|complaint|issue|problem|negative|con|thing',
]);

/**
 * Complaints count less in a sentence about the problem that brought the reviewer ("awful in
 * every photo for 15 years"), about another provider's doing ("horrible lips from a previous
 * injector"), or giving the reason for a deducted star; praise of another provider (a sentence
 * that does not speak of this one) counts less too.
 */
function weighSentence(analysis: TextAnalysis, index: number, blamed: boolean): Weighing {
  const sentence = analysis.sentences[index];
  const within = [sentence];
  const { tokens } = analysis;
  let complaint = 1;
  if (blamed || longStanding.find(analysis, within).length > 0 || madeGood.find(analysis, within).length > 0)
    complaint = 0.3;
  else if (starDeducted.find(analysis, within).length > 0) complaint = 0.5;
  const speaksOfThisOne = range(sentence.from, sentence.to).some((i) =>
    ['dr', 'dr.', 'doctor', 'this', 'here', 'she', 'he'].includes(tokens[i].normal),
  );
  return { praise: blamed && !speaksOfThisOne ? 0.3 : 1, complaint };
}

/** How another provider is mentioned: as where the reviewer is going, or else as the one at fault. */
function otherProviderRole(analysis: TextAnalysis, m: PhraseMatch): 'blamed' | 'leaving' {
  const { tokens } = analysis;
  const start = analysis.sentences[tokens[m.from].sentence].from;
  const before = range(Math.max(start, m.from - 4), m.from).map((i) => tokens[i]);
  if (before.some((t) => leaving.has(t.lemma) || leaving.has(t.normal))) return 'leaving';
  return 'blamed';
}

/** What a practice is besides its treatments: a clause about them speaks of the service, not the result. */
const serviceWords = new Set([
  'staff',
  'team',
  'desk',
  'receptionist',
  'reception',
  'office',
  'decor',
  'location',
  'parking',
  'garage',
  'coffee',
  'lobby',
  'chair',
  'billing',
  'bill',
  'price',
  'pricing',
  'expensive',
  'pricey',
  'scheduling',
  'coordinator',
  'assistant',
  'building',
  'music',
  'atmosphere',
  'vibe',
  'ambiance',
  'manager',
  'phone',
  'email',
  'website',
  'waiting',
  'room',
  'paperwork',
  'form',
]);
const resultWords = new Set(
  [...treatments, ...areas, 'result', 'outcome', 'work', 'job', 'look'].filter((w) => !w.includes(' ')),
);

function isAboutService(analysis: TextAnalysis, hit: Hit): boolean {
  const clause = clauseOf(analysis, hit);
  const about = (set: ReadonlySet<string>) => clause.some((t) => set.has(t.lemma) || set.has(t.normal));
  return about(serviceWords) && !about(resultWords);
}

/** Contrasts that concede: a sentence turning on one weighs two sides sincerely. */
const concessions = new Set(['but', 'though', 'although', 'however', 'yet']);

/**
 * Whether words that are sarcastic only next to a complaint are next to one: a complaint in their
 * own sentence, unless the sentence concedes ("I truly love my lips, but the bruising was bad");
 * or, when their sentence praises nothing else, a complaint as the last thing said before it
 * ("My brow dropped. Five stars, truly."), not praise ("...but my stomach is flat. Would do it
 * again.").
 */
function besideComplaint(
  cue: { read: ReadField; sentence: number; from: number; to: number },
  scored: { read: ReadField; hit: Hit; valence: number }[],
): boolean {
  const { tokens, sentences } = cue.read.analysis;
  const inField = scored.filter((s) => s.read === cue.read);
  // The cue's own words are not beside it, unless they complain ("would be lumpy again").
  const own = inField.filter(
    (s) =>
      s.hit.sentence === cue.sentence && (s.valence < 0 || !(s.hit.from < cue.to && cue.from < s.hit.to)),
  );
  const sentence = sentences[cue.sentence];
  const concedes = range(sentence.from, sentence.to).some((i) => concessions.has(tokens[i].normal));
  if (own.some((s) => s.valence < 0)) return !concedes;
  if (own.some((s) => s.valence > 0)) return false;
  const before = inField
    .filter((s) => s.hit.sentence === cue.sentence - 1)
    .sort((a, b) => a.hit.from - b.hit.from)
    .at(-1);
  return before !== undefined && before.valence < 0;
}

/** Reads the body and the title; see the module comment for what the score takes into account. */
export function readSentiment(fields: readonly ReadField[]): Sentiment {
  const found: Sentiment = {
    positive: 0,
    negative: 0,
    strength: 0,
    praise: [],
    complaint: [],
    sarcasm: [],
    ironyCues: [],
  };
  const scored: { read: ReadField; hit: Hit; valence: number; weight: number }[] = [];
  const cues: { read: ReadField; sentence: number; strong: boolean; from: number; to: number }[] = [];
  for (const read of fields) {
    const { analysis } = read;
    analysis.sentences.forEach((sentence, index) => {
      const within = [sentence];
      const others = otherProviders.find(analysis, within);
      let blamed = false;
      for (const m of others) {
        if (otherProviderRole(analysis, m) === 'blamed') blamed = true;
        else scored.push({ read, hit: { ...m, valence: -2, sentence: index }, valence: -2, weight: 1 });
      }
      const weighing = weighSentence(analysis, index, blamed);
      const taken = new Set<number>();
      for (const hit of sentenceHits(analysis, index, taken)) {
        if (others.some((m) => m.from < hit.to && hit.from < m.to)) continue;
        const judged = inContext(analysis, hit, taken, weighing);
        if (judged.valence !== 0)
          scored.push({
            read,
            hit: judged,
            valence: judged.valence,
            weight: isAboutService(analysis, hit) ? 0.5 : 1,
          });
      }
      const strong = sarcasmStrong.find(analysis, within)[0];
      const weak = strong ? undefined : sarcasmWeak.find(analysis, within)[0];
      const cue = strong ?? weak ?? lonePraise(analysis, index);
      if (cue) cues.push({ read, sentence: index, strong: Boolean(strong), from: cue.from, to: cue.to });
    });
  }
  const complaints = scored.filter((s) => s.valence < 0);
  const complaint = complaints.reduce((total, s) => total - s.valence, 0);
  // Praise said sarcastically reads as complaint: a set phrase of sarcasm, or words that are
  // sarcastic next to a complaint ("Five stars, truly." after a ruined lip).
  const sarcastic = cues.some((cue) => cue.strong || (complaint >= 2 && besideComplaint(cue, scored)));
  found.ironyCues = cues.map((cue) => spanOf(cue.read, cue.from, cue.to));
  for (const { read, hit, valence, weight } of scored) {
    const span = spanOf(read, hit.from, hit.to);
    found.strength += Math.abs(valence) * weight;
    if (valence > 0 && sarcastic) {
      found.negative += valence * weight;
      found.sarcasm.push(span);
    } else if (valence > 0) {
      found.positive += valence * weight;
      found.praise.push(span);
    } else {
      found.negative -= valence * weight;
      found.complaint.push(span);
    }
  }
  return found;
}
