import type { Insertable } from 'kysely';
import type { QuestionsTable } from '../db/schema';
import { ascendingMoments, historyMs, isoTime } from './calendar';
import { firstNames, lastNames } from './people';
import type { Random } from './random';
import { allProcedures, demandOf, type Procedure } from './treatments';

/** Patients' questions, each a title with the body that goes with it. */
const questionsByProcedure: Record<Procedure, readonly (readonly [title: string, body: string])[]> = {
  Botox: [
    [
      'Is Botox permanent?',
      'I just had my first Botox for forehead lines at 34. Do I have to keep doing this for the rest of my life, or does the result eventually stay?',
    ],
    [
      'Why did my Botox wear off after six weeks?',
      'My injector put 20 units between my brows and I could frown normally again by week six. Is that normal, or was the dose too low?',
    ],
    [
      'Can Botox make my forehead look heavy?',
      'After my last appointment my brows felt heavy and my lids looked droopy. Will it go away by itself, and how do I avoid it next time?',
    ],
    [
      'Does starting Botox young prevent wrinkles?',
      'People keep telling me that if you start in your twenties you never get wrinkles. Is there any truth to that?',
    ],
  ],
  Dysport: [
    [
      'Dysport or Botox: which lasts longer?',
      "My dermatologist suggested Dysport instead of Botox for my crow's feet. Is there a real difference in how long it lasts?",
    ],
    [
      'Does Dysport work faster than Botox?',
      'I have a wedding in ten days. Would Dysport show its full effect in time?',
    ],
    [
      'Why does Dysport need so many more units?',
      'My quote says 60 units of Dysport, but I usually get 24 units of Botox. Am I being overcharged?',
    ],
  ],
  Xeomin: [
    [
      'What is the difference between Xeomin and Botox?',
      'I read that Xeomin has no extra proteins in it. Does that make any practical difference for a patient?',
    ],
    [
      'Would Xeomin work if Botox stopped working for me?',
      'After four years of Botox my results seem weaker each time. Is switching to Xeomin worth a try?',
    ],
    [
      'How long does Xeomin last?',
      'This was my first Xeomin treatment for frown lines. When should I book the next one?',
    ],
  ],
  'Lip filler': [
    [
      'How long does lip filler swelling last?',
      'I had one syringe yesterday and my lips look twice the size I asked for. When will I see what they really look like?',
    ],
    [
      'Is lip filler permanent?',
      "I'd love fuller lips but I don't want to pay for it every few months. Is there a filler that stays?",
    ],
    [
      'Lumps after lip filler: should I worry?',
      "It's day five and I can feel two small bumps in my upper lip. Is this normal?",
    ],
    [
      'How much filler for a first lip treatment?',
      'My lips are thin and I want something natural. Should I start with half a syringe or a full one?',
    ],
  ],
  'Cheek filler': [
    [
      'Can cheek filler lift my face?',
      'Since losing weight my mid-face looks flat and tired. Would cheek filler help, and how many syringes would it take?',
    ],
    [
      'How long does cheek filler last?',
      'I had cheek filler a year ago and think some of it is still there. Should I top it up or wait?',
    ],
    [
      'Will cheek filler make my face look puffy?',
      "I'm scared of getting that overfilled look I see everywhere. How do you keep cheeks looking natural?",
    ],
  ],
  'Under-eye filler': [
    [
      'Is under-eye filler safe?',
      'I have dark hollows under my eyes even when I sleep well. Is filler a good option and what can go wrong?',
    ],
    [
      'Filler or surgery for under-eye bags?',
      "I'm 48 with puffy bags and hollows. A friend says filler fixed hers. Would it work for me?",
    ],
    [
      'Why does my under-eye filler look blue?',
      'I had tear trough filler three months ago and now there is a bluish puffiness. What happened?',
    ],
  ],
  Kybella: [
    [
      'Is Kybella permanent?',
      "I've had a double chin since my twenties even at a healthy weight. If Kybella works, can the fat come back?",
    ],
    [
      'How many Kybella treatments will I need?',
      'My quote is for three sessions. Is that typical, or is one sometimes enough?',
    ],
    [
      'How bad is the swelling after Kybella?',
      'I have a presentation at work a week after my appointment. How swollen will I be?',
    ],
  ],
  CoolSculpting: [
    [
      'Does CoolSculpting really work?',
      'I exercise and eat well but still have a lower belly pouch. Is CoolSculpting worth the money?',
    ],
    [
      'CoolSculpting or liposuction for love handles?',
      'I want to get rid of my love handles without surgery if I can. How does CoolSculpting compare with lipo?',
    ],
    [
      'Can CoolSculpting make fat grow back bigger?',
      'I read about a side effect where the treated area gets larger instead of smaller. How common is that?',
    ],
  ],
  'Laser resurfacing': [
    [
      'How much downtime after a CO2 laser?',
      "I'm considering a fully ablative CO2 laser for the wrinkles around my mouth. How long will I be stuck at home?",
    ],
    [
      'Is laser resurfacing safe for darker skin?',
      'My skin is olive and tans easily. Which lasers are safe for me, if any?',
    ],
    [
      'Can a laser remove acne scars?',
      'I have rolling acne scars from my teens. Would a laser help, and how many sessions would it take?',
    ],
  ],
  'IPL photofacial': [
    [
      'Will IPL get rid of my sun spots?',
      'Years of sun left brown spots all over my cheeks. Is IPL the right treatment?',
    ],
    [
      'Why did my spots get darker after IPL?',
      'Two days after my first IPL the spots look darker than before. Is that supposed to happen?',
    ],
    [
      'Can IPL help with facial redness?',
      'I flush easily and have tiny visible veins around my nose. Would IPL help with that?',
    ],
  ],
  Microneedling: [
    [
      'Does microneedling help acne scars?',
      'I have shallow acne scars and large pores. Is microneedling worth trying?',
    ],
    [
      'How many microneedling sessions until I see results?',
      "I've had one session and didn't notice much change. How many should I expect to need?",
    ],
    [
      'Is at-home microneedling safe?',
      'I saw dermarollers online for twenty dollars. Is it safe to do this myself?',
    ],
  ],
  'Chemical peel': [
    [
      'Which peel is best for melasma?',
      'I have patchy melasma on my cheeks and upper lip. Can a peel help, or will it make it worse?',
    ],
    [
      'How long does peeling last after a chemical peel?',
      'I had a medium peel two days ago and my skin is tight and dark. When will it flake off?',
    ],
    ['Can a chemical peel remove wrinkles?', 'Will a peel do anything for the fine lines around my eyes?'],
  ],
  Rhinoplasty: [
    [
      'How long does swelling last after rhinoplasty?',
      "I'm three months out and the tip still looks wide. Will it get smaller?",
    ],
    [
      'Can rhinoplasty fix my breathing too?',
      "I have a deviated septum and a bump I've never liked. Can both be fixed in one operation?",
    ],
    [
      'Is a non-surgical nose job a good option?',
      'I only want to smooth a small bump on my bridge. Would filler be enough instead of surgery?',
    ],
    [
      'When can I wear glasses after a nose job?',
      'I wear heavy glasses every day. How long do I have to wait after surgery?',
    ],
  ],
  Blepharoplasty: [
    [
      'Will eyelid surgery fix hooded eyes?',
      'My upper lids have become so heavy that my eye shadow disappears. Is eyelid surgery the answer?',
    ],
    [
      'How long is recovery from blepharoplasty?',
      "I'm planning lower eyelid surgery. When can I go back to work?",
    ],
    [
      'Will insurance pay for upper eyelid surgery?',
      'My lids droop enough that I lift my eyebrows to see. Could the surgery be covered?',
    ],
  ],
  Facelift: [
    [
      'At what age should I get a facelift?',
      "I'm 52 and my jawline has softened a lot. Am I too young for a facelift?",
    ],
    [
      'Mini facelift or full facelift?',
      'I keep seeing ads for a lunchtime mini lift. Does it last as long as a traditional facelift?',
    ],
    ['How long does a facelift last?', 'If I have a facelift now, will I need another one in ten years?'],
  ],
  'Breast augmentation': [
    [
      'Do breast implants need to be replaced?',
      "I'm 29 and planning implants. Should I expect another surgery later in life?",
    ],
    [
      'Silicone or saline implants?',
      'My surgeon offered both. Which one is safer, and which looks more natural?',
    ],
    [
      'How do I pick the right implant size?',
      "I'm torn between two sizes. How do surgeons help patients decide?",
    ],
  ],
  Liposuction: [
    [
      'Can liposuction help me lose weight?',
      'I have about 30 pounds to lose. Should I get lipo first to jump-start things?',
    ],
    [
      'Will fat come back after liposuction?',
      'If I have lipo on my thighs, will the fat just move somewhere else?',
    ],
    [
      'When will I see my final liposuction results?',
      "I'm six weeks out from lipo on my abdomen and still swollen. When will I see the final shape?",
    ],
  ],
  'Tummy tuck': [
    [
      'Tummy tuck or liposuction after pregnancy?',
      "After two kids I have loose skin and a pooch that won't go away. Which procedure would help?",
    ],
    [
      'How long is tummy tuck recovery?',
      "I'm a single mom with two toddlers. How much time off should I plan for?",
    ],
    [
      'Can a tummy tuck fix diastasis recti?',
      'I was told my stomach muscles separated during pregnancy. Will a tummy tuck repair that?',
    ],
  ],
};

const bodyEndings = [
  '',
  '',
  '',
  ' Thanks in advance!',
  ' Any advice is appreciated.',
  ' I appreciate any honest answers.',
  ' Thank you!',
];

export interface QuestionSeed {
  id: number;
  procedure: Procedure;
  createdAtMs: number;
  row: Insertable<QuestionsTable>;
}

/**
 * Questions spread over the history, ids in order of asking. Each treatment's titles are used in
 * turn, so a small set repeats no title and a large one cycles through all of them.
 */
export function generateQuestions(random: Random, count: number, asOfMs: number): QuestionSeed[] {
  const moments = ascendingMoments(random, count, asOfMs - historyMs, asOfMs - 600_000);
  const asked = new Map<Procedure, number>(allProcedures.map((procedure) => [procedure, random.int(0, 3)]));
  const demand = demandOf(allProcedures);
  return Array.from(moments, (createdAtMs, index) => {
    const procedure = random.weighted(demand);
    const pool = questionsByProcedure[procedure];
    const turn = asked.get(procedure) ?? 0;
    asked.set(procedure, turn + 1);
    const [title, body] = pool[turn % pool.length];
    const first = random.pick(firstNames);
    const askerName = random.chance(0.4) ? `${first} ${random.pick(lastNames)[0]}.` : first;
    return {
      id: index + 1,
      procedure,
      createdAtMs,
      row: {
        title,
        body: body + random.pick(bodyEndings),
        procedure,
        askerName,
        createdAt: isoTime(createdAtMs),
      },
    };
  });
}
