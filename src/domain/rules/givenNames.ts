/**
 * Common given names, for ANS_PHI to tell a person named in full ("Maria Kowalski") from a place, a
 * product or a device whose words are capitalised too ("New York", "Morpheus Eight"). A name not
 * here is still a person when a word of care stands beside it; this list only lets a full name
 * speak for itself.
 */
export const givenNames: ReadonlySet<string> = new Set(
  // women
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty ' +
    'margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah ' +
    'stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma ' +
    'nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather ' +
    'diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan ' +
    'andrea cheryl hannah jacqueline martha gloria teresa  sara madison frances kathryn janice ' +
    'jean abigail alice judy sophia  denise amber doris marilyn danielle beverly isabella ' +
    'theresa diana natalie brittany charlotte marie kayla alexis lori tiffany tammy jasmine ' +
    'vanessa erin crystal monica  wendy tara courtney leah holly kristen kristin jenna ' +
    'caroline claire chloe zoe ava mia ella lily layla aria nora hazel violet aurora savannah ' +
    'audrey brooklyn bella skylar paisley everly stella naomi elena valentina camila lucia ' +
    'gabriela daniela mariana priya ananya aisha fatima leila yasmin mei ling yuki keiko sakura ' +
    'hye jin soo min ji ngoc linh thuy tamika keisha latoya ebony shanice imani aaliyah ' +
    'rosa carmen guadalupe lupe alejandra adriana veronica yolanda esperanza dolores ' +
    'marisol xiomara ines beatriz renata ingrid astrid freya sigrid greta heidi elsa ' +
    'colleen maureen bridget siobhan niamh aoife fiona morag kirsty' +
    ' tanya tonya sonya katya natasha olga svetlana irina oksana dana jodie jody kerry carla ' +
    'paula gina tina nina rita lena vera ida ada eva   mae    becky ' +
    'jill jane joanne jo suzanne yvonne marcia stacy stacey tracy tracey lindsay lindsey ' +
    'kara cara brianna briana gabrielle jocelyn kendra kelsey chelsea whitney alyssa ' +
    'melanie molly meredith miranda allison alison alicia felicia bianca marissa ' +
    // men
    'james robert john michael david william richard joseph thomas charles christopher daniel ' +
    'matthew anthony  donald steven paul andrew joshua kenneth kevin brian george timothy ' +
    'ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin ' +
    'scott brandon benjamin samuel gregory alexander frank patrick raymond  dennis jerry ' +
    'tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy ' +
    'christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse ' +
    'jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy ' +
    'vincent ralph eugene russell bobby mason philip louis liam lucas oliver owen caleb luke ' +
    'isaac leo miles wyatt hudson carter grayson jayden mateo diego carlos luis miguel ' +
    'alejandro javier rafael ramon pedro jorge ricardo eduardo fernando hector raj arjun ' +
    'rahul vikram sanjay amir omar hassan ali ahmed tariq hiroshi kenji takeshi wei jun ' +
    'hyun minh tuan darnell tyrone jamal deshawn marcus terrell andre dmitri ivan sergei ' +
    'lars sven nils erik magnus declan ciaran seamus connor liam rory angus hamish ' +
    'tom tommy mike mikey dave davey   rob  jim jimmy dan danny matt tony steve ' +
    'andy josh ken greg tim ron ed eddie jeff nick jon sam pete ben alex  jerry harry ' +
    'chris phil nate zach zack luke jake  cody travis derek trevor shane brett chad ' +
    'todd troy craig neil glenn dale  reid blake '
  )
    .split(/\s+/)
    .filter(Boolean),
);
