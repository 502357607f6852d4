import type { Finding } from './moderation';
import type { Procedure } from './treatments';

/**
 * What doctors write: honest sentences per treatment, in a doctor's voice, and the planted
 * problems the answer rules must catch. `{product}` is the toxin asked about.
 */

export const openers = [
  'Thank you for your question.',
  'Good question, and a very common one.',
  'Thanks for reaching out.',
  'This comes up in my practice every week.',
  'That is a reasonable thing to ask before you commit.',
  'I am glad you asked before booking.',
  'Hi there, and thanks for posting.',
];

export const closers = [
  'I hope this helps.',
  'Best of luck with your decision.',
  'An in-person consultation is the best way to get advice that fits your face.',
  'Please see a board-certified provider who can examine you in person.',
  'Good luck, and take care.',
  'A careful exam matters more than anything you read online.',
  'Ask your own provider these same questions; a good one will welcome them.',
  'Wishing you a smooth recovery.',
];

/** Honest sentences that contain the very words the claim rules look for, denied. */
export const cautions = [
  'No procedure is risk-free, so weigh the benefits against the downtime and the possible complications.',
  "I can't guarantee a result without examining you, and anyone who does should make you cautious.",
  'Be wary of anyone who promises no side effects; every treatment has some.',
  'Nothing in aesthetics is truly permanent, because your face keeps changing with age.',
  'There is no such thing as a completely safe treatment, only careful ones.',
];

const toxin = [
  'There is no permanent {product}; the effect fades as the nerve endings grow new connections to the muscle.',
  'Most people enjoy the effect for three to four months, and a few get closer to five.',
  '{product} will not be permanent, but regular treatment lets the muscle weaken a little, so some patients can stretch the time between visits.',
  'A bigger dose does not buy much more time, and it can make the forehead look heavy.',
  'It takes three to fourteen days to see the full effect, so judge the result at the two-week mark.',
  'A small bruise or a mild headache is the most that patients usually notice, and both settle within days.',
  'Lines that are etched in even at rest will only soften partly; resurfacing or a little filler can help with those.',
  'Botox, Dysport and Xeomin behave very similarly; the main differences are the units used for dosing and how fast they kick in.',
  'If you want a steady result, plan on treatment two to four times a year.',
  'If a brow drops or feels heavy, it is temporary and usually eases within a few weeks.',
  'Nobody can promise an exact duration, because dose, muscle strength and metabolism all play a part.',
  'Units of Dysport are not the same as units of Botox, so a higher number on the quote does not mean a bigger dose.',
];

const hyaluronicFiller = [
  'Hyaluronic acid fillers are not permanent; the body breaks them down over six to eighteen months depending on the product and the area.',
  'One advantage of hyaluronic acid is that it can be dissolved with hyaluronidase if you dislike the result.',
  'Swelling usually peaks on day two and is mostly gone within a week; small bumps often smooth out within two weeks.',
  'Bruising is common; if your physician agrees, pausing fish oil, ibuprofen and alcohol for a few days beforehand lowers the risk.',
  'No filler is risk-free: the rare but serious danger is filler blocking a blood vessel, so choose an injector who knows the anatomy and keeps hyaluronidase on hand.',
  'I prefer to start conservatively and add more at a follow-up visit rather than overfill in one session.',
  'There is no filler that lasts forever without trade-offs, and the permanent ones are much harder to fix when something goes wrong.',
];

const textureAndTone = [
  'Daily sunscreen protects whatever result you get; skipping it undoes the work quickly.',
  'Combining treatments over a few months usually does more than one aggressive session.',
];

const surgery = [
  'No procedure is risk-free, and surgery adds anesthesia and healing to the list, so choose a surgeon who operates in an accredited facility.',
  "Look at many before-and-after photos of the surgeon's own patients with features like yours.",
  'Swelling hides the final result for months, so patience pays off.',
  'Stop smoking and nicotine well before surgery; it slows healing and raises the risk of complications.',
];

export const honestByProcedure: Record<Procedure, readonly string[]> = {
  Botox: toxin,
  Dysport: [
    ...toxin,
    'Dysport can spread a little more, which suits broad areas like the forehead but takes care near the brows.',
  ],
  Xeomin: [
    ...toxin,
    'Xeomin contains no accessory proteins; in theory that lowers the chance of developing resistance, though true resistance is rare with any of them.',
  ],
  'Lip filler': [
    ...hyaluronicFiller,
    'Most first-time lip patients do well with half a syringe to one syringe.',
    'Lips swell more than other areas because of their rich blood supply; gentle icing helps.',
    'If you get cold sores, ask for an antiviral before the treatment.',
    'Lip filler is not permanent, and that is a good thing, because lips change shape as we age.',
  ],
  'Cheek filler': [
    ...hyaluronicFiller,
    'Restoring cheek volume can also soften the lines from the nose to the mouth, because the cheek supports that area.',
    'Cheek filler tends to last longer than lip filler, often a year or more.',
    'A natural result comes from placing filler on the bone along the cheekbone, not from pumping up the apple of the cheek.',
  ],
  'Under-eye filler': [
    ...hyaluronicFiller,
    'The tear trough is an advanced area: the skin is thin, so lumps and a bluish tint from filler placed too shallow show easily.',
    'If the problem is mostly fat bags, filler can make it look worse, and lower eyelid surgery may be the better choice.',
    'Under-eye filler can last a year or longer because the area moves so little.',
    'Filler here can hold water and look puffy, so a light hand and a thin product matter.',
  ],
  Kybella: [
    'Kybella is deoxycholic acid, which destroys fat cells under the chin; the treated cells do not come back, though remaining ones can grow if you gain weight.',
    'Most people need two to four sessions spaced at least a month apart.',
    'Expect marked swelling for several days; many patients plan the first treatment around a quiet week.',
    'A rare risk is a temporary nerve injury that makes the smile uneven, so see an experienced injector.',
    'If the fullness is mostly loose skin rather than fat, Kybella will not help much.',
  ],
  CoolSculpting: [
    'CoolSculpting freezes fat cells, and the body clears them over about three months.',
    'It works best for pinchable pockets of fat; it is not a weight-loss treatment.',
    'Most areas need one or two sessions for a reduction of roughly a fifth to a quarter of the fat layer.',
    'A rare side effect called paradoxical adipose hyperplasia makes the treated fat grow larger, and it usually needs liposuction to correct.',
    'Numbness and soreness in the treated area can last a few weeks.',
  ],
  'Laser resurfacing': [
    ...textureAndTone,
    'Fully ablative CO2 gives the biggest change but needs one to two weeks of downtime.',
    'Fractional lasers treat tiny columns of skin, which shortens healing but usually means more sessions.',
    'Darker skin carries a higher risk of pigment changes, so the choice of laser and its settings matter a great deal.',
    'Redness can last several weeks after a deeper treatment.',
    'Results keep improving for three to six months as new collagen forms.',
  ],
  'IPL photofacial': [
    ...textureAndTone,
    'IPL targets brown spots and redness, so it suits sun damage and flushing.',
    'The spots usually darken and flake off within a week or two, which means it is working.',
    'IPL is not a safe choice on tanned or darker skin, because the light can burn the pigment in the skin itself.',
    'Most people need three to five sessions about a month apart, then maintenance once or twice a year.',
    'IPL does little for wrinkles or texture; those call for a different treatment.',
  ],
  Microneedling: [
    ...textureAndTone,
    'Microneedling makes tiny channels that prompt collagen production, which helps shallow acne scars and texture.',
    'Plan on three to six sessions spaced four to six weeks apart.',
    'Redness for one to three days is normal.',
    'Deep, tethered scars may need subcision or a laser in addition.',
    'I would avoid home rollers; infection and scarring are real risks without proper sterility.',
  ],
  'Chemical peel': [
    ...textureAndTone,
    'Light peels give a brighter look with a few days of flaking, while medium-depth peels need about a week of recovery.',
    'A peel will not erase deep wrinkles, but it evens tone and softens fine lines.',
    'With darker skin or melasma, start with a gentle peel and a few weeks of skin preparation to lower the risk of dark patches.',
    'Stop retinoids a few days before the peel and stay out of the sun afterwards.',
  ],
  Rhinoplasty: [
    ...surgery,
    'Most swelling settles within a few months, but the tip can take a year or more to fully refine.',
    'Your breathing should be assessed at the same consultation; a good rhinoplasty never trades airway for looks.',
    'Revision rhinoplasty is more complex, so look for a surgeon who does many of them.',
    'Filler can hide a small bump, but injecting the nose carries a real risk of vascular complications.',
  ],
  Blepharoplasty: [
    ...surgery,
    'Upper eyelid surgery removes excess skin and sometimes fat, and the scar hides in the natural crease.',
    'If your brows have dropped, a brow lift may be part of the answer; lid surgery alone can make that look worse.',
    'Bruising usually fades in ten to fourteen days.',
    'Dry eyes should be checked before surgery because they can get worse for a while.',
    'When hooding blocks your vision, insurance may cover upper lid surgery after a visual field test.',
  ],
  Facelift: [
    ...surgery,
    'A facelift treats sagging of the lower face and jawline; it does not change skin texture, which is why it is often paired with resurfacing.',
    'Lifting the deeper tissue layer rather than just the skin gives a more natural and longer-lasting result.',
    'Most patients are presentable in two to three weeks.',
    'A facelift does not stop aging, but you stay ahead of where you would have been.',
    "I can't guarantee a specific result, but photos of patients with your features show what is realistic.",
  ],
  'Breast augmentation': [
    ...surgery,
    'Implants are not lifetime devices; many will need to be replaced or removed at some point.',
    'Saline and silicone each have pros and cons, and with silicone the FDA recommends periodic imaging to check for silent rupture.',
    'The size you choose should fit your chest width and tissue, not just a cup size.',
    'Ask about capsular contracture and implant-associated lymphoma so that your choice is an informed one.',
    'Most people return to desk work within a week but avoid heavy lifting for about six weeks.',
  ],
  Liposuction: [
    ...surgery,
    'Liposuction removes fat from chosen areas; it is not a weight-loss procedure.',
    'Skin quality matters: if the skin is loose, removing fat can leave it looser.',
    'Swelling takes months to settle, so the final contour shows at about six months.',
    'Wearing the compression garment as directed helps the swelling go down.',
    'Fat can still grow in untreated areas if your weight goes up.',
  ],
  'Tummy tuck': [
    ...surgery,
    'A tummy tuck removes loose skin and repairs separated abdominal muscles, which exercise cannot fix.',
    'It is best done once you are finished having children and your weight has been steady.',
    'The scar sits low and is long, but most fade well over a year or two.',
    'Expect about two weeks off work and six weeks before strenuous exercise.',
    'Liposuction alone will not tighten loose skin after pregnancy.',
  ],
};

/**
 * Planted problems, by the answer rule they should trip. `{product}`, `{city}`, `{state}`,
 * `{phone}`, `{domain}`, `{slug}`, `{email}`, `{code}` and `{patient}` are filled from the author.
 */
export const violations = {
  permanentToxin: [
    'With my technique your {product} results become permanent after three sessions.',
    'My patients find that the results last a lifetime.',
    'Once we retrain the muscle, the lines never come back.',
    'After a few rounds the effect is permanent, so you can stop coming in.',
  ],
  permanentFiller: [
    'The filler we use gives permanent results.',
    'Our technique lasts a lifetime, so one visit is all you need.',
    'Your new shape will never fade.',
  ],
  guarantee: [
    'Results are guaranteed, or your next treatment is free.',
    'In my hands this treatment is 100% safe.',
    'There are no side effects with our protocol.',
    'It is completely painless and risk-free.',
    'I guarantee you will love the result.',
  ],
  phone: [
    'Call us at {phone} to book.',
    'Text my office at {phone} and mention this answer.',
    'My coordinator can help you directly at {phone}.',
  ],
  url: [
    'You can see more of my work at www.{domain}/gallery.',
    'Full details are on https://{domain}/specials.',
    'Look up {slug} dot com for before and after photos.',
    'Search {slug} [dot] com and book online.',
  ],
  email: [
    'Email me at {email} with a few photos and I will reply personally.',
    'Send your photos to consult (at) {domain} for a free opinion.',
  ],
  coupon: [
    'We have 20% off {procedure} this month.',
    'Mention this post for 2-for-1 syringes through Friday.',
    'Use code {code} at checkout for a discount.',
    'New patients get $100 off their first treatment this week.',
    'Units are $9 each until the end of the month.',
  ],
  contact: [
    'Call my office and we will fit you in this week.',
    'DM me on Instagram and I will take a look.',
    'Send me a DM with your photos.',
  ],
  superiority: [
    'I am the best injector in {city}, so you would be in good hands.',
    'As the #1 rated {procedure} provider in {state}, I see this every day.',
    'Our practice is the top-rated clinic in {city} for a reason.',
    'Patients fly in from all over because nobody in the country does more of these than I do.',
  ],
  offLabelToxin: [
    '{product} is FDA approved for slimming the jawline, so this is a standard use.',
    '{product} is FDA-approved for a lip flip as well.',
  ],
  offLabelFiller: [
    'This filler is FDA approved for non-surgical nose jobs, so it is a safe alternative to surgery.',
  ],
  offLabelKybella: ['Kybella is FDA approved for jowls and bra fat as well as the chin.'],
  offLabelCoolSculpting: ['CoolSculpting is FDA approved for weight loss, so it can replace dieting.'],
  patient: [
    'My patient {patient} had the same worry before her treatment, and she was thrilled two weeks later.',
    'Last month I treated {patient}, a teacher from {city}, for exactly this problem.',
  ],
} as const;

export type ViolationKind = keyof typeof violations;

/** The reason a moderator gives when rejecting each kind, and the note beside it. */
export const violationFindings: Record<ViolationKind, Finding<'answers'>> = {
  permanentToxin: { reasonCode: 'misleading_claim', note: 'Claims a temporary treatment is permanent.' },
  permanentFiller: { reasonCode: 'misleading_claim', note: 'Claims filler results are permanent.' },
  guarantee: { reasonCode: 'misleading_claim', note: 'Promises results or the absence of risk.' },
  phone: { reasonCode: 'promotional', note: 'Phone number in the answer.' },
  url: { reasonCode: 'promotional', note: 'Points patients to the practice website.' },
  email: { reasonCode: 'promotional', note: 'E-mail address in the answer.' },
  coupon: { reasonCode: 'promotional', note: 'Advertises a discount.' },
  contact: { reasonCode: 'promotional', note: 'Asks the patient to contact the office.' },
  superiority: { reasonCode: 'misleading_claim', note: 'Unverifiable claim to be the best.' },
  offLabelToxin: {
    reasonCode: 'misleading_claim',
    note: 'Claims an FDA approval the product does not have.',
  },
  offLabelFiller: {
    reasonCode: 'misleading_claim',
    note: 'Claims an FDA approval the product does not have.',
  },
  offLabelKybella: {
    reasonCode: 'misleading_claim',
    note: 'Claims an FDA approval the product does not have.',
  },
  offLabelCoolSculpting: {
    reasonCode: 'misleading_claim',
    note: 'Claims an FDA approval the device does not have.',
  },
  patient: { reasonCode: 'patient_privacy', note: 'Names a patient.' },
};

/** The answer rule each kind of planted problem is meant to trip (the seed's answer key). */
export const violationRules: Record<ViolationKind, string> = {
  permanentToxin: 'ANS_PERMANENT_CLAIM',
  permanentFiller: 'ANS_PERMANENT_CLAIM',
  guarantee: 'ANS_GUARANTEE',
  phone: 'ANS_PROMO',
  url: 'ANS_PROMO',
  email: 'ANS_PROMO',
  coupon: 'ANS_PROMO',
  contact: 'ANS_PROMO',
  superiority: 'ANS_SUPERIORITY',
  offLabelToxin: 'ANS_OFFLABEL',
  offLabelFiller: 'ANS_OFFLABEL',
  offLabelKybella: 'ANS_OFFLABEL',
  offLabelCoolSculpting: 'ANS_OFFLABEL',
  patient: 'ANS_PHI',
};
