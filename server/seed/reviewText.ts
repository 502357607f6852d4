import type { Procedure } from './treatments';

/**
 * What patients write, by mood: `good` (4-5 stars), `mixed` (3) and `bad` (1-2). `{doctor}` is
 * "Dr. Lastname", `{procedure}` the treatment, `{staff}` someone at the front desk or a nurse.
 * Bad reviews here are honest ones: the rules must never treat negativity as a risk.
 */

export type Mood = 'good' | 'mixed' | 'bad';

type Moods = Record<Mood, readonly string[]>;

const toxin: Moods = {
  good: [
    'My forehead lines are much softer and I can still raise my eyebrows a little.',
    'The {procedure} kicked in after about five days and looks completely natural.',
    'My frown lines are gone and people keep asking whether I have been on vacation.',
    'It lasted almost four months, longer than at the place I used to go.',
  ],
  mixed: [
    'The result was fine, though a bit stronger than I asked for.',
    "It worked, but my crow's feet came back sooner than I expected.",
  ],
  bad: [
    'My left brow ended up higher than the right, and the touch-up was not free.',
    'It wore off in about six weeks even though I paid for a full dose.',
    'I got a heavy, droopy look over my eyes that took a month to ease.',
  ],
};

export const reviewSentences: Record<Procedure, Moods> = {
  Botox: toxin,
  Dysport: toxin,
  Xeomin: toxin,
  'Lip filler': {
    good: [
      'My lips look fuller but still like mine, exactly what I asked for.',
      '{doctor} started with half a syringe and added a little more at the follow-up.',
      'The swelling was gone in four days and the shape is even.',
    ],
    mixed: ['The shape is nice, but there was more bruising than I was warned about.'],
    bad: [
      'One side of my upper lip is noticeably bigger than the other.',
      'I ended up with a lump that had to be dissolved.',
      'They used a full syringe even though I asked for something subtle.',
    ],
  },
  'Cheek filler': {
    good: [
      'My cheeks have their lift back and I look less tired.',
      'The cheek filler made my whole face look more rested without looking done.',
    ],
    mixed: ['The cheeks look good from the front, less so in profile.'],
    bad: [
      'My cheeks looked puffy for weeks and I still think it was too much product.',
      'I paid for two syringes and can barely see a difference.',
    ],
  },
  'Under-eye filler': {
    good: [
      'The hollows under my eyes are filled in and I use far less concealer.',
      '{doctor} used a cannula and I had almost no bruising under my eyes.',
    ],
    mixed: ['The dark circles improved, but there is a tiny bump I can feel.'],
    bad: [
      'I got a bluish puffiness under one eye that took two dissolving sessions to fix.',
      'The under-eye filler made my bags look worse, not better.',
    ],
  },
  Kybella: {
    good: [
      'After two rounds of Kybella my profile looks sharper.',
      'The swelling was intense for a week, but my double chin is clearly smaller.',
    ],
    mixed: ['There is some improvement, but I needed more sessions than quoted.'],
    bad: [
      'Three sessions in, the change under my chin is minimal.',
      'The swelling lasted much longer than they said and my jaw was numb for weeks.',
    ],
  },
  CoolSculpting: {
    good: [
      'About three months later my lower belly is clearly flatter.',
      'My jeans fit better after two CoolSculpting sessions on my flanks.',
    ],
    mixed: ['There is a small difference, though not enough for the price.'],
    bad: [
      'I had two sessions on my stomach and honestly cannot see any change.',
      'The treated area became firmer and larger, and nobody warned me that could happen.',
    ],
  },
  'Laser resurfacing': {
    good: [
      'The fine lines around my mouth are much softer since the laser.',
      'The first week was rough, but my skin is smoother than it has been in years.',
    ],
    mixed: ['My texture improved, but the redness stayed for almost a month.'],
    bad: [
      'I was left with dark patches after the laser that are still fading.',
      'The downtime was twice what I was told.',
    ],
  },
  'IPL photofacial': {
    good: [
      'My sun spots darkened, flaked off and were gone within two weeks.',
      'The redness around my nose is much calmer after three sessions.',
    ],
    mixed: ['Some spots cleared while others barely changed.'],
    bad: [
      'The IPL left a stripe of lighter skin on my cheek.',
      'I did four sessions and the spots came right back.',
    ],
  },
  Microneedling: {
    good: [
      'After three sessions my acne scars are shallower and my makeup goes on smoother.',
      'My pores look smaller and my skin has a glow.',
    ],
    mixed: ['The texture is a little better, but it took more sessions than planned.'],
    bad: [
      'I broke out badly after the session and the aftercare advice was vague.',
      'Five sessions in and my scars look the same.',
    ],
  },
  'Chemical peel': {
    good: [
      'My skin peeled for about five days and now my tone is more even.',
      'The peel faded my melasma more than any cream I have tried.',
    ],
    mixed: ['It brightened my skin, but the peeling lasted longer than they said.'],
    bad: [
      'The peel was too strong for my skin and I had raw patches for a week.',
      'My dark spots came back darker a month later.',
    ],
  },
  Rhinoplasty: {
    good: [
      'My nose finally fits my face and I can breathe through both sides.',
      '{doctor} showed me realistic imaging beforehand and the result matches it.',
      'The bump is gone and nobody can tell I had surgery.',
    ],
    mixed: ['I like the profile, but the tip is wider than I hoped.'],
    bad: [
      'My tip is still crooked a year later and I keep being told to wait.',
      'I breathe worse now than before the surgery.',
    ],
  },
  Blepharoplasty: {
    good: [
      'My eyes look open and awake again and the scar is invisible.',
      'The bruising was gone in ten days and I look rested.',
    ],
    mixed: ['The upper lids look great, the lower ones less so.'],
    bad: [
      'One eyelid sits higher than the other after the surgery.',
      'My eyes have been dry and irritated for months since the operation.',
    ],
  },
  Facelift: {
    good: [
      'My jawline is defined again and I still look like myself, only fresher.',
      'Three months after my facelift people say I look rested, not pulled.',
    ],
    mixed: ['The jawline is better, but recovery took much longer than the two weeks I was told.'],
    bad: [
      'The scars in front of my ears are wide and very visible.',
      'My face looks tight and a little unnatural when I smile.',
    ],
  },
  'Breast augmentation': {
    good: [
      'The size looks in proportion to my frame, exactly what we discussed.',
      'Recovery was easier than I feared and my implants look natural.',
    ],
    mixed: ['I love the shape, but the scar is more visible than I expected.'],
    bad: [
      'One implant sits higher than the other and I need a revision.',
      'I developed hardening on one side within the first year.',
    ],
  },
  Liposuction: {
    good: [
      'My waist has a shape again after lipo on my flanks.',
      'Six months out, my thighs look smooth and even.',
    ],
    mixed: ['The contour is better, but the swelling took months to settle.'],
    bad: [
      'I have dents and ripples on my thigh where the lipo was done.',
      'The result on one side is clearly different from the other.',
    ],
  },
  'Tummy tuck': {
    good: [
      'My stomach is flat for the first time since my kids, and my muscles were repaired.',
      'The scar is low enough to hide under any swimsuit.',
    ],
    mixed: ['The result is good, but the recovery was much harder than described.'],
    bad: [
      'I developed a fluid pocket that had to be drained several times, and follow-up was slow.',
      'The scar is uneven and sits higher on one side.',
    ],
  },
};

export const openings: Moods = {
  good: [
    'I was nervous before my first appointment, but {doctor} explained every step.',
    'I researched for months before choosing {doctor}.',
    'A friend referred me to this office and I am so glad she did.',
    'I expected a sales pitch at the consultation and got an honest conversation instead.',
    '{doctor} listened to what I wanted and did not push anything extra.',
    'From the first phone call the staff made me feel comfortable.',
    'This was my second visit to the practice and it was as good as the first.',
    'I had {procedure} here after a bad experience elsewhere.',
    'I am picky about who touches my face, and {doctor} earned my trust.',
  ],
  mixed: [
    'My feelings about this visit are mixed.',
    'The consultation itself was thorough.',
    'I had read great reviews, so my expectations were high.',
    'I went back and forth on whether to write this.',
  ],
  bad: [
    'I really wanted to love this place.',
    'I am writing this so others know what to expect.',
    'I went in with realistic expectations and still left disappointed.',
    'This was my first time trying {procedure} and it did not go well.',
    'I have had {procedure} at three practices, and this was the worst experience.',
  ],
};

export const practiceNotes: Moods = {
  good: [
    'The front desk was organized and I was seen on time.',
    '{staff} called the next day to check on me.',
    'Pricing was clear and matched the quote.',
    'The office was spotless and calm.',
    '{staff} at the front desk made scheduling easy.',
    'They answered all my messages within a day.',
  ],
  mixed: [
    'The wait was long, but the staff apologized.',
    'Scheduling the follow-up took several calls.',
    'The staff were friendly, if a little disorganized.',
  ],
  bad: [
    'I waited over an hour past my appointment time.',
    'Nobody returned my calls when I had questions afterwards.',
    'The final bill was higher than the quote, and no one could explain why.',
    'The follow-up visit felt rushed.',
    'I felt pressured to buy skincare products I did not want.',
  ],
};

export const endings: Moods = {
  good: [
    'I would recommend {doctor} to anyone.',
    'I will definitely be back for maintenance.',
    'Thank you to the whole team!',
    'I only wish I had done this sooner.',
    'Could not be happier with the outcome.',
  ],
  mixed: ['I might return, but I would ask more questions first.', 'Overall fine, just not exceptional.'],
  bad: [
    'I will be looking for a different provider.',
    'I hope the practice takes this feedback seriously.',
    'I would not recommend this office.',
  ],
};

/** The small complaint that keeps a good review at four stars. */
export const quibbles = [
  'My only complaint is that parking was a hassle.',
  'The wait room was crowded, but the visit itself was great.',
  'It was pricier than I expected.',
  'I wish the follow-up had been sooner.',
];

export const titles: Moods = {
  good: [
    'So happy with my results',
    'Natural and subtle',
    'Worth every penny',
    'Finally found my injector',
    'Exceeded my expectations',
    'Great experience from start to finish',
    'Refreshed, not frozen',
    'Highly recommend',
    'Kind, honest and skilled',
    'Could not be happier',
    'Happy with my {procedure}',
    '{procedure} with {doctor}',
  ],
  mixed: [
    'Decent result, long wait',
    'Good but not great',
    'Okay experience',
    'Mixed feelings',
    'Nice staff, average outcome',
  ],
  bad: [
    'Not what I was promised',
    'Disappointed',
    'Uneven results and no follow-up',
    'Felt rushed',
    'Would not go back',
    'Expensive and underwhelming',
    'Poor aftercare',
  ],
};

export const staffNames = [
  'Kayla',
  'Marisol',
  'Brenda',
  'Tasha',
  'Jenna',
  'Rosa',
  'Amber',
  'Lindsey',
  'Nadia',
  'Courtney',
];

/** Planted: the reviewer got something for the review (FTC 16 CFR 465.4). */
export const incentives = [
  'They gave me a free syringe of filler for leaving this review.',
  'The office offered a $50 gift card for a 5-star review, so here it is.',
  'I got 20% off my next visit for posting this review.',
  'Leaving this review enters me into their monthly prize draw.',
  'The front desk said my consultation fee would be refunded if I posted a review today.',
  'They told me five-star reviews get a free touch-up.',
];

/** Honest: a discount that has nothing to do with the review, which must not look like an incentive. */
export const unrelatedDiscounts: readonly (readonly [Mood, string])[] = [
  ['good', 'I tried them because of a holiday special on {procedure}, and I am glad I did.'],
  ['good', 'I used my loyalty points for a discount on the second session, which was a nice bonus.'],
  [
    'bad',
    'They had a new-patient discount, which is why I booked, but the result was not worth even the reduced price.',
  ],
  ['mixed', 'The price was lower than elsewhere thanks to a spring promotion, but I waited over an hour.'],
];

/** Planted: one text posted again and again with a few words swapped. Each slot lists its variants. */
export const templateSlots: readonly (readonly string[])[] = [
  ['{doctor} is'],
  ['amazing!', 'incredible!', 'wonderful!'],
  ['I got {procedure} here and my results look so'],
  ['natural.', 'beautiful.', 'refreshed.'],
  ['The staff was'],
  ['friendly', 'welcoming', 'so kind'],
  ['and the office was'],
  ['spotless.', 'beautiful.', 'gorgeous.'],
  ['I would'],
  ['recommend', 'refer'],
  ['{doctor} to'],
  ['anyone', 'everyone', 'all my friends'],
  ['looking for'],
  ['natural', 'real', 'great'],
  ['results.'],
  ['Five stars!', '10/10!', 'Love this place!'],
];

export const insiderPraise = [
  '{doctor} is the most caring physician I know, and patients adore the results.',
  'Everyone who walks in leaves happier; {doctor} truly is a perfectionist.',
  'I see every day how much {doctor} cares about getting {procedure} right.',
];

export const shortReviews = [
  'Great!',
  'Love it!',
  'Amazing results!!',
  'Highly recommend.',
  'Best doctor ever',
  'So happy.',
  'Worth it.',
  '10/10',
];

/** Planted: the stars say the opposite of the words. */
export const mismatches: readonly (readonly [rating: number, title: string, body: string])[] = [
  [
    5,
    'Never again',
    'This was a nightmare. My lips are lopsided and the office stopped answering my calls. Save your money.',
  ],
  [5, 'Awful', 'Worst experience of my life. I was rushed, overcharged and the result is uneven.'],
  [
    1,
    'Wonderful',
    'Absolutely wonderful experience, the result is natural and the staff is lovely. I would go back tomorrow.',
  ],
  [1, 'Best in town', '{doctor} was gentle and patient, and my {procedure} looks perfect. Highly recommend!'],
];
