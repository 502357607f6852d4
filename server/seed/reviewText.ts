import type { Procedure } from './treatments';

/**
 * What patients write, by mood: `good` (4-5 stars), `mixed` (3) and `bad` (1-2). Bad reviews here
 * are honest ones: the rules must never treat negativity as a risk.
 *
 * Every string is a pattern. `[a|b|c]` takes one of the alternatives (an empty one drops the words)
 * and `{name}` a value: `{doctor}` is "Dr. Lastname", `{procedure}` the treatment as it reads in a
 * sentence, `{aProcedure}` the same with an article where English wants one, `{staff}` someone at
 * the practice, `{friend}` a first name, `{month}` and `{day}` a month and a weekday. Honest reviews
 * are composed from many such patterns so that two of them rarely share a run of three words: the
 * near-duplicate rule must only find the planted templates.
 */

export type Mood = 'good' | 'mixed' | 'bad';

type Moods = Record<Mood, readonly string[]>;

const toxin: Moods = {
  good: [
    'My forehead lines are [much softer|barely there now|far less obvious] and I can still raise my [eyebrows|brows] a [little|bit].',
    'The {procedure} kicked in after about [four|five|six] days and looks [completely natural|soft and natural|like I just slept well].',
    "My [frown lines|elevens|crow's feet] are [gone|almost gone|smoothed out] and [people keep asking|my sister asked|a coworker asked] whether I have been on vacation.",
    'It lasted [almost four months|close to four months|about three and a half months], longer than at the place I used to go.',
    '{doctor} used [twenty|twenty-four|twenty-eight|thirty-two|forty] units [between my brows and forehead|around my eyes|across my forehead and frown lines] and the [balance|placement|dose] was [spot on|just right|exactly right].',
    '[By week two|Two weeks later|At my two-week check] my [makeup|concealer|foundation] stopped settling into the lines [on my forehead|around my eyes|between my brows].',
    'I can still [frown a little|show surprise|make every expression I need], it just [does not crease|leaves no deep line|stays smooth] afterwards.',
  ],
  mixed: [
    'The result was fine, though a bit [stronger|heavier|flatter] than I asked for[ around the brows| on the forehead|].',
    "It worked, but my [crow's feet|forehead lines|frown lines] came back [sooner than I expected|weeks before I was told they would|well before the three-month mark].",
    'One brow [sat|looked] a [touch|little] higher for the first [week|ten days|two weeks] before it [evened out|settled|balanced out].',
  ],
  bad: [
    '[My left brow ended up higher than the right|My right brow sat higher than the left], and the touch-up [was not free|cost extra|was billed separately].',
    'It wore off in [about|under|barely] [five|six|seven] weeks even though I [paid for|was charged for] [a full dose|forty units|the full area].',
    'I [got|ended up with] a heavy, [droopy|hooded|tired] look over my [eyes|eyelids] that took [a month|five weeks|most of two months] to [ease|wear off|fade].',
    "There was [barely any|hardly any|almost no] change to my [forehead|frown lines|crow's feet] after [twenty|twenty-four|thirty] units.",
  ],
};

export const reviewSentences: Record<Procedure, Moods> = {
  Botox: toxin,
  Dysport: toxin,
  Xeomin: toxin,
  'Lip filler': {
    good: [
      'My lips look [fuller|plumper|more defined] but still like mine, [exactly what I asked for|just as I hoped|which was the whole point].',
      '{doctor} started with half a syringe and added [a little more|another quarter|the rest] at the [follow-up|two-week visit|second appointment].',
      "The swelling was gone in [three|four|five] days and the [shape is even|border is crisp|cupid's bow is sharper].",
      'My [upper lip|top lip|bottom lip] finally [has some volume|balances the other one|shows when I smile], and [nobody|no one at work|not one friend] guessed I had anything done.',
    ],
    mixed: [
      'The shape is [nice|pretty|lovely], but there was more bruising than I was [warned about|told to expect|prepared for].',
      'I like the [volume|shape|result], though [one corner|the left side|the right side] took [a week|ten days|two weeks] longer to settle.',
    ],
    bad: [
      '[One side|The left side|The right side] of my [upper|top|lower] lip is [noticeably|clearly|visibly] bigger than the other[ even after the follow-up| two months later|].',
      'I [ended up with|developed] a [lump|hard bump|firm nodule] [in my lip|near the corner|in the upper lip] that had to be dissolved [two weeks|a month|six weeks] later.',
      'They [used|injected] a full syringe even though I [asked|begged|had clearly asked] for something [subtle|light|barely noticeable].',
    ],
  },
  'Cheek filler': {
    good: [
      'My cheeks have their [lift|shape|contour] back and I look [less tired|more rested|more awake].',
      'The cheek filler made my whole face look [more rested|fresher|brighter] without looking done.',
      '{doctor} placed [one syringe|two syringes|a syringe and a half] [high on the cheekbones|along the cheekbones|in small deposits] and [the lift|the change|the result] was [subtle|gentle|quiet] but real.',
    ],
    mixed: [
      'The cheeks look good from the front, less so in profile.',
      'The lift is [there|visible|noticeable], but [one side|the left cheek|the right cheek] looks a [touch|little] fuller [in photos|when I smile|in some light].',
    ],
    bad: [
      'My cheeks looked [puffy|swollen|overfilled] for [weeks|over a month|six weeks] and I [still think|am convinced] it was too much product.',
      'I paid for [two syringes|a syringe and a half|three syringes] and can [barely|hardly] see a difference[ in the mirror| in photos|].',
    ],
  },
  'Under-eye filler': {
    good: [
      'The hollows under my eyes are filled in and I use [far less|much less|almost no] concealer.',
      '{doctor} used a cannula and I had [almost no|very little|hardly any] bruising under my eyes.',
      'I no longer look [exhausted|like I pulled an all-nighter|tired] in [video calls|photos|the morning mirror].',
    ],
    mixed: [
      'The dark circles improved, but there is a tiny bump I can feel [under the left eye|under the right eye|when I press].',
    ],
    bad: [
      'I [got|was left with] a bluish [puffiness|swelling|tint] under [one eye|my left eye|my right eye] that took [two|three] dissolving sessions to fix.',
      'The under-eye filler made my [bags|puffiness|dark circles] look [worse|bigger|more obvious], not better[, and I paid to dissolve it|, even weeks later|].',
    ],
  },
  Kybella: {
    good: [
      'After [two|three] rounds of Kybella my profile looks [sharper|cleaner|more defined].',
      'The swelling was [intense|pretty big|impressive] for [a week|five days|about a week], but my double chin is clearly smaller.',
      'My jawline [shows up|finally shows|is visible] in [side photos|profile pictures|video calls] again.',
    ],
    mixed: [
      'There is some improvement, but I needed [more sessions|one more session|an extra round] than quoted.',
    ],
    bad: [
      '[Three|Four] [sessions|rounds] in, the change under my [chin|jaw] is [minimal|tiny|hard to see][ for what I spent| in any photo|].',
      'The swelling lasted [much|far|a lot] longer than they said and my [jaw|chin|lower face] was numb for [weeks|a month|six weeks].',
    ],
  },
  CoolSculpting: {
    good: [
      'About [three|four] months later my [lower belly|stomach|midsection] is clearly flatter.',
      'My jeans fit [better|more comfortably|a size smaller] after [two|three] CoolSculpting sessions on my flanks.',
      'The [muffin top|bulge above my waistband|roll under my bra] that [diet and exercise|running|years of pilates] never touched is [finally shrinking|much smaller|mostly gone].',
    ],
    mixed: ['There is a small difference, though not enough for the price.'],
    bad: [
      'I had [two|three] sessions on my [stomach|flanks|thighs] and [honestly|truly|really] cannot see any change[ in photos| in my clothes|].',
      'The treated area [on my belly|on my flank|under my chin] became firmer and larger, and nobody [warned me|told me|mentioned] that could happen.',
    ],
  },
  'Laser resurfacing': {
    good: [
      'The fine lines around my [mouth|eyes|lips] are much softer since the laser.',
      'The first week was [rough|hard going|not pretty], but my skin is smoother than it has been in years.',
      'My [old acne scars|sun damage|uneven texture] faded [more than I expected|a lot|noticeably] after [one|two] laser treatments.',
    ],
    mixed: ['My texture improved, but the redness stayed for almost a [month|month and a half].'],
    bad: [
      'I was left with [dark|brown|blotchy] patches [on my cheeks|around my mouth|on my forehead] after the laser that are still fading[ months later| slowly|].',
      'The downtime was [twice|three times|far more than] what I was told[, and I missed a week of work| and I had to cancel plans|].',
    ],
  },
  'IPL photofacial': {
    good: [
      'My sun spots darkened, flaked off and were gone within [two|three] weeks.',
      'The redness around my [nose|cheeks|chin] is much calmer after [two|three|four] sessions.',
      'The [freckles|brown spots|age spots] on my [cheeks|hands|chest] faded [evenly|gradually|steadily] over [a month|six weeks|the course of treatment].',
    ],
    mixed: ['Some spots cleared while others barely changed[ after two sessions| after three sessions|].'],
    bad: [
      'The IPL left a [stripe|patch|streak] of [lighter|paler] skin on my [cheek|jaw|neck][ that has not evened out| that is still there|].',
      'I did [three|four|five] sessions and the [spots|redness|brown patches] came [right back|straight back|back][ within weeks| by summer|].',
    ],
  },
  Microneedling: {
    good: [
      'After [three|four] sessions my acne scars are shallower and my makeup goes on smoother.',
      'My pores look smaller and my skin has a [glow|healthy sheen|nice bounce] [again|now|these days].',
      'The [rolling scars|pitted scars|marks] on my [cheeks|temples|forehead] catch the light [much less|far less|less and less] now.',
    ],
    mixed: ['The texture is a little better, but it took more sessions than planned.'],
    bad: [
      'I broke out [badly|all over my cheeks|along my jaw] after the [session|second session|first session] and the aftercare advice was [vague|a single photocopied page|no help].',
      '[Four|Five|Six] sessions in and my [scars|acne scars|pores] look [the same|no different|just as they did].',
    ],
  },
  'Chemical peel': {
    good: [
      'My skin peeled for about [four|five|six] days and now my tone is more even.',
      'The peel faded my [melasma|dark spots|post-acne marks] more than any cream I have tried.',
      'My [skin|complexion|face] looks [brighter|clearer|smoother] and I have [stopped wearing|cut back on|skipped] foundation [most days|on weekends|at work].',
    ],
    mixed: ['It brightened my skin, but the peeling lasted longer than they said.'],
    bad: [
      'The peel was [too strong|far too strong|too aggressive] for my skin and I had raw patches [on my chin|around my nose|on my cheeks] for [a week|ten days|two weeks].',
      'My [dark spots|melasma|brown patches] came back darker [a month|six weeks|two months] later[, despite the sunscreen| and I was not told that could happen|].',
    ],
  },
  Rhinoplasty: {
    good: [
      'My nose finally fits my face and I can breathe through both [sides|nostrils].',
      '{doctor} showed me realistic imaging beforehand and the result matches it.',
      'The bump is gone and nobody can tell I had surgery.',
      'The [swelling in the tip|tip swelling|stiffness] took [a few months|about six months|most of a year] to settle, and [now|these days] the profile looks [balanced|natural|like mine, only better].',
    ],
    mixed: ['I like the profile, but the tip is [wider|rounder|more upturned] than I hoped.'],
    bad: [
      'My tip is still [crooked|off to one side|lopsided] [a year|eighteen months|ten months] later and I keep being told to [wait|be patient|give it time].',
      'I breathe [worse|less easily] [now|through my left side|at night] than before the surgery[, which was the one thing I wanted to fix|].',
    ],
  },
  Blepharoplasty: {
    good: [
      'My eyes look open and awake again and the scar is [invisible|hidden in the crease|impossible to spot].',
      'The bruising was gone in [ten days|two weeks|about twelve days] and I look rested.',
      'I can wear eyeshadow again now that my [lids|upper lids] no longer [fold over|droop over] my lashes.',
    ],
    mixed: ['The upper lids look great, the lower ones less so.'],
    bad: [
      '[One eyelid|My left lid|My right lid] sits [higher|lower] than the other [after the surgery|months later|even now].',
      'My eyes have been [dry and irritated|gritty and red|dry and sore] for [months|four months|half a year] since the [operation|surgery].',
    ],
  },
  Facelift: {
    good: [
      'My jawline is defined again and I still look like myself, only fresher.',
      '[Three|Four|Six] months after my facelift people say I look rested, not pulled.',
      'The [jowls|loose skin along my jaw|softness under my chin] that bothered me for [years|a decade|so long] is gone, and the scars [tuck behind my ears|are easy to hide|fade a little more every week].',
    ],
    mixed: ['The jawline is better, but recovery took much longer than the two weeks I was told.'],
    bad: [
      'The scars [in front of|behind|around] my ears are [wide|thick|raised] and [very visible|hard to hide|obvious with my hair up].',
      'My face looks [tight|pulled|stiff] and a little unnatural when I [smile|laugh|talk][, six months on| in photos|].',
    ],
  },
  'Breast augmentation': {
    good: [
      'The size looks in proportion to my frame, exactly what we discussed.',
      'Recovery was easier than I feared and my implants look natural.',
      'We chose [300|325|350|375] cc [round|teardrop] implants [under the muscle|through the crease], and [clothes|swimsuits|dresses] finally fit the way I wanted.',
    ],
    mixed: ['I love the shape, but the scar is more visible than I expected.'],
    bad: [
      '[One implant|The left implant|The right implant] sits higher than the other and I [need|have been told I need] a revision.',
      'I developed [hardening|capsular contracture|a tight, hard feeling] on [one side|the left side|the right side] within the first [year|eight months].',
    ],
  },
  Liposuction: {
    good: [
      'My waist has a shape again after lipo on my flanks.',
      '[Six|Four|Eight] months out, my [thighs|hips|knees and inner thighs] look smooth and even.',
      'I wore the compression garment for [four|six] weeks as told and the [contour|outline|result] kept improving [month by month|every few weeks|long after the bruises faded].',
    ],
    mixed: ['The contour is better, but the swelling took months to settle.'],
    bad: [
      'I have [dents|lumps|dents and ripples] on my [thigh|hip|stomach] where the lipo was done[, visible in any fitted clothes|].',
      'The result on [one side|my left side|my right side] is [clearly|obviously|noticeably] different from the other[ and nobody will admit it|].',
    ],
  },
  'Tummy tuck': {
    good: [
      'My stomach is flat for the first time since my kids, and my muscles were repaired.',
      'The scar is low enough to hide under any swimsuit.',
      'I can [stand up straight|do a plank|wear fitted tops] again, and the [separated muscles|gap in my abs|bulge above the scar] [is fixed|is gone|no longer shows].',
    ],
    mixed: ['The result is good, but the recovery was much harder than described.'],
    bad: [
      'I developed a fluid pocket that had to be drained [several|four|five] times, and [follow-up|getting seen] was slow.',
      'The scar is [uneven|crooked|wavy] and sits higher on [one side|the left|the right][, well above my underwear line|].',
    ],
  },
};

/** How the visit itself went, which depends on the kind of treatment more than on the mood. */
export type VisitKind = 'injection' | 'skin' | 'body' | 'surgery';

export const visitKinds: Record<Procedure, VisitKind> = {
  Botox: 'injection',
  Dysport: 'injection',
  Xeomin: 'injection',
  'Lip filler': 'injection',
  'Cheek filler': 'injection',
  'Under-eye filler': 'injection',
  Kybella: 'injection',
  CoolSculpting: 'body',
  'Laser resurfacing': 'skin',
  'IPL photofacial': 'skin',
  Microneedling: 'skin',
  'Chemical peel': 'skin',
  Rhinoplasty: 'surgery',
  Blepharoplasty: 'surgery',
  Facelift: 'surgery',
  'Breast augmentation': 'surgery',
  Liposuction: 'surgery',
  'Tummy tuck': 'surgery',
};

/** Plain facts about the appointment, neither praise nor complaint, so they suit every mood. */
export const visitDetails: Record<VisitKind, readonly string[]> = {
  injection: [
    '[The numbing cream|An ice pack|A little vibrating tool] [helped a lot|took the edge off|made it easier], and the [injections|pokes] felt like [small pinches|quick pinpricks|a few mosquito bites].',
    '{doctor} [marked|mapped out] the [spots|points|areas] with a [white pencil|makeup pencil|washable marker] and [showed me in a hand mirror|explained each one|let me check them] before [starting|the first injection].',
    'The whole [appointment|visit] took [about|around|under] [twenty|twenty-five|thirty|forty] minutes[, paperwork included|, consultation included| from check-in to checkout|].',
    '[I went straight back to work|I ran errands right after|I met friends for dinner that evening|I picked up my kids from school afterwards] and [nobody noticed|no one could tell|nobody said a thing].',
    '[{staff}|The nurse, {staff},] took [before photos|photos from three angles|close-up photos] so we could compare at the [two-week|follow-up|next] visit.',
    'I [sat|was propped up] in a [reclining chair|comfy chair|treatment chair] with [a stress ball|a cold pack|my own playlist] while {doctor} worked.',
    'I was told to [stay upright|skip the gym|keep my hands off the area] for [four|six|the next few] hours and to [skip alcohol|stay out of the sauna|go easy on workouts] until the next day.',
  ],
  skin: [
    'I had [three|four|five] sessions [about|roughly|around] [three|four|five|six] weeks apart[, always on a {day}|, each under an hour| over the {month} break|].',
    '[They|{staff}|The aesthetician] applied numbing cream [twenty|thirty|forty-five] minutes ahead, and the treatment felt like [warm pinpricks|a rubber band snapping|sand being rolled over my skin].',
    'I [stayed out of the sun|wore a wide hat and SPF 50|skipped makeup] for [a week|ten days|two weeks] afterwards, as [{doctor}|{staff}|the aftercare sheet] advised.',
    'My skin was [pink|flushed|warm and pink] for [a day|two days|three days|about a week], [then|and then] [settled down|calmed down|faded back to normal].',
    "[{staff}|The aesthetician, {staff},] sent me home with [a printed aftercare sheet|a gentle cleanser and a list of dos and don'ts|instructions for the first few days].",
    'I booked [the first session|my appointments] for a {day} [afternoon|morning] so I could [hide at home|lie low|rest] over the weekend.',
    'Before we started, {doctor} [looked at my skin under a lamp|checked my skin type|asked about my skincare routine] and [adjusted the settings|chose a gentler setting|changed the plan a little].',
  ],
  body: [
    'Each [cycle|session] took about [thirty-five|forty-five|sixty] minutes and I [read a book|answered emails|watched a show on my phone|napped] [the whole time|through most of it].',
    'The [first few|first five|first couple of] minutes felt [very cold|like a hard ice pack|like a strong pinch], then the area [went numb|stopped bothering me|felt like nothing].',
    '[{staff}|The technician, {staff},] massaged the area [afterwards|after each cycle|for two minutes at the end][, which was the oddest part|, which helped|].',
    'I [treated|did] [my lower belly|my flanks|my inner thighs|the bra-line area|my upper arms] [in two rounds|over two sessions|over three sessions], [six|eight|ten] weeks apart.',
    '[{staff}|The technician] [measured|photographed] the area [before the first session|at every visit|from the front and side] so [the change|any change] could be tracked.',
    'The area felt [tender|numb|tingly] for [a few days|about a week|two weeks], [which|and that] [matched what I was told|was expected|faded on schedule].',
  ],
  surgery: [
    'I took [one|two|three|four] weeks [off work|at home] while my [husband|partner|mom|sister|best friend] handled [the kids|meals|the driving|everything else].',
    'The [pre-op visit|consultation] with {doctor} lasted [almost an hour|about forty-five minutes|over an hour], and we went over [photos|3D imaging|my options|the risks] in detail.',
    'Surgery was on a {day} in {month} and I went home [the same afternoon|that evening|the next morning].',
    '[{staff}|The surgical coordinator, {staff},] [called|texted] [the night before|the morning after|two days after] to [check in|see how I was doing|go over my medications].',
    'I [used|kept] [ice packs|cold compresses|frozen peas] on and [slept propped up|rested on the couch|stayed in bed] for the first [few days|week|ten days].',
    'I am [now|about] [three|four|six|eight|ten] [weeks|months] out from surgery[ and back to my normal routine| and back at the gym| and back at work|].',
    'I [stopped|quit] [ibuprofen|fish oil|my supplements] [two weeks|ten days|a week] before, [as instructed|per the pre-op list|as the nurse asked].',
  ],
};

/** Who the reviewer is and why they came: every honest review has one, and it names the treatment. */
export const backgrounds = [
  '[My sister|My best friend|A coworker|My neighbor|My aunt|My hairdresser|My cousin|My friend {friend}|A woman at my gym|My manager] [recommended|suggested|swore by] {doctor}[ after having {procedure} there| when I mentioned {procedure}| for {procedure}], so I booked [a consultation|an appointment] in {month}.',
  'I found {doctor} [on Instagram|through a search|through my dermatologist|on this site|through my primary care doctor|through a friend of a friend] and booked {aProcedure} for a {day} in {month}.',
  "I had {aProcedure} [in|in early|in late|at the end of] {month}[, a few weeks before my daughter's wedding|, ahead of my class reunion|, just before my fortieth birthday|, just before my fiftieth|, before a family trip|, right before a big work event|].",
  'I [teach second grade|work in an office|work in sales|work nights as a nurse|run a small bakery|work from home|am retired|manage a restaurant] and [did not want much downtime|wanted something low-key|needed a plan that fit my schedule], which is [why|part of why] I [chose|went with|settled on] {procedure}.',
  '[After having my kids|After losing a lot of weight|Since turning forty|Since turning fifty|After years of sun|After years of running outdoors|After a stressful year], I [decided|finally decided|made up my mind] to try {procedure}.',
  'This was my [first|second|third|fifth] time having {procedure}[, and my first with {doctor}|, but my first at this practice| and my first in this city|].',
  "I [chose|picked] {doctor} for {procedure} [because|mostly because] [the before and after photos looked natural|the office is close to my work|my dermatologist trusts them|my friend's results looked so natural|{procedure} is most of what they do].",
  'I [am in my thirties|am in my forties|am in my fifties|am in my sixties|am a first-timer|have sensitive skin|am a bit of a skeptic] and [had been reading about|had been curious about|had put off] {procedure} for [a year|ages|a long time|two years].',
  'My {procedure} [appointment|visit] was [on a {day} morning|on a {day} afternoon|after work on a {day}|on my day off in {month}][, booked about a month ahead|, booked a week ahead|].',
  '[Back in|In] {month} I[ finally| at last|] [booked|went in for|committed to] {aProcedure} [with {doctor}|at this practice] after [thinking about it for years|a long consultation|a second opinion elsewhere|comparing three offices].',
  '[My husband|My partner|My daughter|My mom|My best friend] [drove me to|came along to|sat with me at] my {procedure} [appointment|consultation|treatment] [on a {day}|in {month}|that {day}].',
];

export const openings: Moods = {
  good: [
    '[I was|I felt] [nervous|anxious|jittery|a little scared] before my [first appointment|consultation|first visit], but {doctor} [explained every step|walked me through each step|talked me through the whole plan|answered every question I had].',
    'I [researched|read up|compared practices] for [months|weeks|almost a year] before [choosing|settling on|booking with] {doctor}[, and it paid off|, and I am glad I did|].',
    '[A friend|My sister|A coworker|My neighbor|My cousin] [referred me to|sent me to|told me about] this [office|practice|clinic] and I am [so|really|very] glad I listened.',
    'I expected a sales pitch at the consultation and [got|had] [an honest conversation|a straight answer|a realistic plan] instead.',
    '{doctor} [listened to|paid attention to|took notes on] what I wanted and [did not push|never pushed|did not try to sell me] anything extra.',
    'From the first [phone call|email|message] the [staff|team|front desk] made me feel [comfortable|welcome|at ease].',
    'This was my [second|third|fourth] [visit to|time at|appointment at] the practice and it was as [good|smooth|pleasant] as the first.',
    'I had {procedure} here after a [disappointing|so-so|forgettable] experience elsewhere[, and the difference was obvious|, and this time it was done right|].',
    'I am [picky|very particular|fussy] about who treats me, and {doctor} [earned|won] my trust[ quickly| from the first visit|].',
    '[Honestly|Truly|Simply put], this was [one of the best appointments|the smoothest medical visit|the easiest decision] I have had in [years|a long time|ages].',
    'I put off {procedure} for [years|ages|a long time] and [wish I had not waited|should have come sooner|am glad I finally went ahead].',
    '[Booking|Getting in|Scheduling] with {doctor} took [a few weeks|almost two months|a while], and it was [worth the wait|well worth it|absolutely worth it].',
    'I went in [with a long list of questions|with screenshots of what I wanted|not sure what I needed], and {doctor} [took the time to go through all of it|was patient with every one of them|helped me narrow it down].',
  ],
  mixed: [
    'My feelings about this [visit|treatment|experience][ with {doctor}| at this office|] are [mixed|a bit mixed|somewhere in the middle].',
    'The consultation itself was [thorough|detailed|careful], [but|though] the rest was [uneven|hit and miss|less consistent].',
    'I had [heard|read] [great|glowing|lots of good] things about {doctor}, so my expectations were [high|pretty high|maybe too high].',
    'I went back and forth on whether to write this[ at all|, so here is the short version|].',
    'Some parts of this [went well|were great|were fine] and some [did not|were not|could have gone better].',
    '[It was|This was] a [middle of the road|so-so|fair] experience [overall|all in all|on balance].',
  ],
  bad: [
    'I really wanted to [love|like|be happy with] this [place|practice|office][, given how many people recommend it|, since it is close to home|].',
    'I am [writing this|posting this|sharing my experience] so [others|other patients|anyone considering {procedure} here] [know what to expect|can make an informed choice|go in better prepared].',
    'I went in with [realistic|modest|reasonable] expectations and still left [disappointed|unhappy|frustrated].',
    'I [had high hopes for|was excited about|saved up for months for] {procedure} [here|with {doctor}|at this office] and it did not go [well|the way I hoped|as planned].',
    'I have had {procedure} at [three|several|two other] practices, and this was [the worst experience|by far the worst|the least professional].',
    '[Sadly|Unfortunately|I am sorry to say], my [visit|experience] with {doctor} was [a letdown|not a good one|a disappointment].',
    'I waited [a few weeks|two months|a while] before writing this in case things improved[, but they have not|; they did not].',
  ],
};

export const practiceNotes: Moods = {
  good: [
    'The front desk was [organized|on top of things|efficient] and I was [seen on time|taken back within five minutes|never kept waiting].',
    '{staff} called [the next day|two days later|that evening] to [check on me|see how I was feeling|ask if I had any questions].',
    'Pricing was [clear|upfront|transparent] and [matched the quote|was exactly what I was quoted|matched the written estimate].',
    'The [office|waiting room|treatment room] was [spotless|calm|bright and quiet][, with decent coffee|, with fresh flowers|, with soft music|].',
    '{staff} at the front desk made [scheduling|rescheduling|the paperwork] [easy|painless|quick].',
    'They answered [all my messages|every email|my texts] within [a day|a few hours|the same afternoon].',
    '[{staff}|The nurse, {staff},] [remembered my name|brought me water|checked on me twice][ without being asked| during the visit|].',
  ],
  mixed: [
    'The wait was [long|about forty minutes|longer than I liked], but [the staff|{staff}|the front desk] apologized.',
    'Scheduling the follow-up took [several calls|three phone calls|a week of back and forth].',
    'The staff were [friendly|pleasant|kind], if a [little|bit] disorganized.',
    '[{staff}|The front desk] misplaced my [intake form|paperwork|photos] once, [but|though] it was sorted out [quickly|eventually|the same day].',
  ],
  bad: [
    'I waited [over an hour|nearly ninety minutes|almost an hour] past my appointment time[ with no explanation|, and nobody apologized|].',
    'Nobody returned my [calls|messages|emails] when I had questions [afterwards|after the treatment|the first week].',
    'The final bill was [higher than the quote|more than the estimate|well above what I was told], and no one could explain why.',
    'The follow-up visit felt [rushed|hurried|like an afterthought] and lasted [barely|maybe|less than] [five|ten] minutes.',
    'I felt [pressured|pushed] to buy [skincare products|a package of extra sessions|an expensive serum] I did not want.',
    '[{staff}|The front desk] [seemed annoyed|was short with me|sighed] when I [asked about|brought up] [aftercare|the result|a follow-up].',
  ],
};

export const endings: Moods = {
  good: [
    'I would recommend {doctor} to [anyone|anyone considering {procedure}|my own family|friends without hesitation].',
    'I will [definitely|certainly|absolutely] be back [when I am ready for more|for whatever I do next|in the spring].',
    'Thank you to [the whole team|{doctor} and {staff}|everyone at the practice]!',
    'I only wish I had [done this sooner|come here years ago|not waited so long].',
    '[Could not be happier|Very happy|Really pleased] with [the outcome|how it turned out|my results].',
    "[Ten out of ten|Five stars from me|A lovely experience all around], and I have already [recommended {doctor} to|passed {doctor}'s name to] [two friends|my sister|a coworker].",
  ],
  mixed: [
    'I might return, but I would ask more questions [first|next time|up front].',
    'Overall [fine|okay|decent], just not [exceptional|memorable|what I had hoped for].',
    '[I am on the fence|Undecided] about going back[ for more|].',
    '[Good enough|Acceptable], though I [expected|hoped for] [a bit more|more] for the price.',
  ],
  bad: [
    '[Next time|From now on|For any future treatment] I will be looking for a different [provider|practice|doctor].',
    'I hope the [practice|office|team] takes this [feedback|experience] seriously[ and changes how follow-ups work| and calls patients back|].',
    'I would not recommend this office[ to friends| to anyone|].',
    '[Lesson learned|I have learned my lesson]: [get a second opinion|ask more questions|do more research] before [booking|committing].',
  ],
};

/** The small complaint that keeps a good review at four stars. */
export const quibbles = [
  'My only [complaint|gripe|small complaint] is that [parking was a hassle|parking was hard to find|the parking garage was pricey].',
  'The waiting room was [crowded|busy|a bit cramped], but the [visit|appointment] itself was [great|smooth|lovely].',
  'It was [pricier|more expensive|a little more] than I expected[, though I understand why|, but the quality shows|].',
  'I wish the follow-up had been [sooner|scheduled earlier|a bit longer].',
  '[The only downside was that|One small thing:] the [forms|intake paperwork|online forms] were [long|repetitive|a bit tedious].',
  'I [took off|held back] a star [only because|just because] [the appointment started late|I had to call twice to book|the office was hard to find].',
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
  'Priya',
  'Gabriela',
  'Heather',
  'Tamara',
  'Yesenia',
  'Erin',
  'Monique',
  'Carly',
  'Destiny',
  'Alicia',
  'Rachelle',
  'Shauna',
  'Bianca',
  'Trinh',
  'Nicolette',
];

export const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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

/**
 * Planted: one text posted again and again with a few words swapped. Each slot lists its variants,
 * the usual one first. The fixed runs are long so that any two copies keep most of their shingles.
 */
export const templateSlots: readonly (readonly string[])[] = [
  ['{doctor} is'],
  ['amazing!', 'incredible!', 'wonderful!'],
  ['I got {procedure} here and my results look so'],
  ['natural.', 'beautiful.', 'refreshed.'],
  ['The staff was'],
  ['friendly', 'welcoming', 'so kind'],
  ['and the office was'],
  ['spotless.', 'beautiful.', 'gorgeous.'],
  ['From the moment I walked in I felt taken care of and every question I had was answered.'],
  ['Honestly', 'Truly', 'Seriously'],
  ['the whole experience was perfect from start to finish. I would'],
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

/**
 * Planted: the stars say the opposite of the words. The writer adds an honest text of the same
 * mood as these words, so that each copy reads differently.
 */
export const mismatches: readonly (readonly [rating: number, title: string, body: string])[] = [
  [
    5,
    'Never again',
    'This was a nightmare. The result is lopsided and the office stopped answering my calls. Save your money.',
  ],
  [5, 'Awful', 'Worst experience of my life. I was rushed, overcharged and the result is uneven.'],
  [
    1,
    'Wonderful',
    'Absolutely wonderful experience, the result is natural and the staff is lovely. I would go back tomorrow.',
  ],
  [1, 'Best in town', '{doctor} was gentle and patient, and my {procedure} looks perfect. Highly recommend!'],
];
