// Fills a database with a realistic sample state: five platforms at different stages of their Plan
// van Aanpak, questions (answered, unanswered, forwarded), feedback and a coordinator. For trying the
// bot, the coordinator page and the digest without typing everything yourself:
//   DATABASE_URL=file:./data/demo.db npx tsx scripts/demo-state.ts
//   DATABASE_URL=file:./data/demo.db npx buurtbot digest --at 2016-12-05T09:00:00+01:00 --since 2016-11-14T00:00:00+01:00
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { FixedClock } from '../src/core/clock.js';
import type { InboundMessage } from '../src/core/messages.js';
import { silentLogger } from '../src/core/ports.js';

const ANSWERS: Record<string, string> = {
  'platform-en-buurt':
    'Wij zijn het buurtplatform van onze buurt. Er doen nu ongeveer tien bewoners actief mee. We organiseren elk jaar een buurtfeest, een opruimdag en een koffieochtend in het buurthuis.',
  bestuur:
    'Anna Jansen - voorzitter\nBram de Vries - secretaris\nChantal Smeets - penningmeester\nAlle bestuursleden voldoen aan de formele eisen.',
  'visie-en-doelen':
    'We willen een buurtnetwerk waarin bewoners zelf verantwoordelijkheid nemen voor hun straat. Ons doel is dat jong en oud elkaar kennen, dat eenzaamheid minder wordt en dat bewoners samen bepalen wat er gebeurt. Over twee jaar is er een vaste groep van twintig actieve bewoners en een Buurtplan waar de hele buurt achter staat.',
  'vinden-en-verbinden':
    'We gaan langs de deuren met een korte vragenlijst, we houden twee keer per jaar een buurtavond en we gebruiken de buurtkrant en een WhatsApp-groep om nieuwe bewoners te vinden en met elkaar te verbinden. Ook vragen we de basisschool en de sportclub om mee te denken.',
  'activiteiten-en-planning':
    'In 2017 starten we met een buurtavond in maart, een opruimdag in mei en een zomerfeest in augustus. In het najaar maken we een buurtagenda. In 2018 breiden we uit met een repair café en een moestuin, en schrijven we samen met bewoners het Buurtplan.',
  samenwerking:
    'We werken samen met de opbouwwerker van Trajekt en met de procescoördinator zelfsturing van de gemeente. Daarnaast met de basisschool, de woningcorporatie en de sportvereniging in onze buurt, die ruimte en mensen beschikbaar stellen. Met de andere buurtplatforms wisselen we ervaringen uit.',
  'geld-en-subsidie':
    'We vragen subsidie aan volgens de Uitvoeringsregeling Buurtnetwerken 2017-2018. Daarnaast zoeken we sponsoring bij lokale ondernemers en vragen we een kleine bijdrage voor het zomerfeest. Een penningmeester houdt de boeken bij en elk jaar leggen we uit waar het geld aan is besteed.',
  'op-weg-naar-buurtplan':
    'In 2017 halen we met enquêtes en buurtavonden op wat bewoners belangrijk vinden. Begin 2018 schrijven we een concept-Buurtplan, dat we op een buurtavond bespreken. Eind 2018 leveren we het vastgestelde Buurtplan op als basis voor de subsidie vanaf 2019.',
};

const clock = new FixedClock(new Date('2016-11-14T10:00:00+01:00'));
const app = await createApp(loadConfig(), { logger: silentLogger, clock });
let n = 0;
const say = async (userRef: string, name: string, text: string, action?: string) => {
  const m: InboundMessage = {
    id: `demo-${Date.now()}-${++n}`,
    surface: 'web',
    userRef,
    userName: name,
    channelId: userRef,
    text,
    direct: true,
    ...(action ? { action } : {}),
  };
  return (await app.turns.dispatch(m)) ?? [];
};

const platforms: Array<[string, string, number, boolean]> = [
  ['Buurtplatform Wyck', 'Wyck', 8, true],
  ['Buurtplatform Jekerdal', 'Jekerdal', 5, false],
  ['Buurtplatform Malberg', 'Malberg', 2, false],
  ['Buurtplatform Heugem', 'Heugem', 0, false],
  ['Buurtplatform Caberg', 'Caberg', 8, false],
];
for (const [i, [name, buurt, sections, submit]] of platforms.entries()) {
  const p = await app.platforms.create({ name, buurt });
  const user = `web:demo${String(i).padStart(4, '0')}`;
  await app.platforms.addMember(p.id, user, 'board');
  clock.advance(3_600_000);
  if (sections === 0) continue;
  await say(user, `Bestuurslid ${buurt}`, 'plan');
  for (const [id, text] of Object.entries(ANSWERS).slice(0, sections)) {
    void id;
    clock.advance(86_400_000 / 3);
    await say(user, `Bestuurslid ${buurt}`, text);
  }
  if (sections === 8) await say(user, `Bestuurslid ${buurt}`, 'overslaan');
  if (submit) {
    await say(user, `Bestuurslid ${buurt}`, 'indienen');
    await say(user, `Bestuurslid ${buurt}`, 'ja');
  } else {
    await say(user, `Bestuurslid ${buurt}`, 'pauze');
  }
}
await app.users.setRole('web:coordinator', 'coordinator');
const asker = 'web:vraagsteller';
for (const q of [
  'Wanneer moet het Plan van Aanpak binnen zijn?',
  'Hoeveel bestuursleden moeten we hebben?',
  'When was the kick-off meeting?',
  'Wat is een opbouwwerker?',
])
  await say(asker, 'Vera', q);
const [helpful] = await say(asker, 'Vera', 'Wat gebeurt er in januari 2017?');
if (helpful?.questionId) {
  await say(asker, 'Vera', '', `feedback:down:${helpful.questionId}`);
  await say(asker, 'Vera', 'Ik wilde weten hoeveel subsidie we dan krijgen');
}
const [unknown] = await say(asker, 'Vera', 'Mogen we de subsidie ook gebruiken voor een bankje in het park?');
if (unknown?.questionId) await say(asker, 'Vera', '', `forward:${unknown.questionId}`);
await say(asker, 'Vera', 'Wat kost een parkeervergunning in Maastricht?');
await app.close();
console.log(`demo state written to ${app.database.describe()}`);
