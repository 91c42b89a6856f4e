import type { App } from '../../src/app.js';
import type { InboundMessage, Reply, Surface } from '../../src/core/messages.js';

let counter = 0;

/** Talks to the real dispatcher as one person on one surface, like an adapter would. */
export class ChatDriver {
  constructor(
    private readonly app: Pick<App, 'turns'>,
    readonly userRef: string,
    readonly name: string,
    private readonly surface: Surface = 'cli',
  ) {}

  async say(text: string): Promise<Reply[]> {
    return this.send({ text });
  }

  async press(action: string): Promise<Reply[]> {
    return this.send({ text: '', action });
  }

  async submitForm(stepId: string, text: string): Promise<Reply[]> {
    return this.send({ text: '', form: { stepId, text } });
  }

  /** The replies' texts joined, for readable assertions. */
  async sayText(text: string): Promise<string> {
    return (await this.say(text)).map((r) => r.text).join('\n---\n');
  }

  private async send(part: Partial<InboundMessage>): Promise<Reply[]> {
    const message: InboundMessage = {
      id: `test-${++counter}`,
      surface: this.surface,
      userRef: this.userRef,
      userName: this.name,
      channelId: `${this.surface}:dm:${this.userRef}`,
      text: '',
      direct: true,
      ...part,
    };
    return (await this.app.turns.dispatch(message)) ?? [];
  }
}

export const ANSWERS = {
  'platform-en-buurt':
    'Wij zijn Buurtplatform Wyck in de buurt Wyck. Er doen nu twaalf bewoners actief mee. We organiseren een jaarlijks buurtfeest, een opruimdag en elke maand een koffieochtend in het buurthuis.',
  bestuur:
    'Anna Jansen - voorzitter\nBram de Vries - secretaris\nChantal Smeets - penningmeester\nAlle bestuursleden voldoen aan de formele eisen.',
  'visie-en-doelen':
    'We willen een buurtnetwerk waarin bewoners zelf verantwoordelijkheid nemen voor hun straat. Ons doel is dat jong en oud elkaar kennen, dat eenzaamheid minder wordt en dat bewoners samen bepalen wat er in Wyck gebeurt. Over twee jaar is er een vaste groep van twintig actieve bewoners en een Buurtplan waar de hele buurt achter staat.',
  'vinden-en-verbinden':
    'We gaan langs de deuren met een korte vragenlijst, we houden twee keer per jaar een buurtavond en we gebruiken de buurtkrant en een WhatsApp-groep om nieuwe bewoners te vinden en met elkaar te verbinden. Ook vragen we de basisschool en de sportclub om mee te denken.',
  'activiteiten-en-planning':
    'In 2017 starten we met een buurtavond in maart, een opruimdag in mei en een zomerfeest in augustus. In het najaar maken we een buurtagenda. In 2018 breiden we uit met een repair café en een moestuin, en schrijven we samen met bewoners het Buurtplan.',
  samenwerking:
    'We werken samen met de opbouwwerker van Trajekt en met de procescoördinator zelfsturing van de gemeente. Daarnaast met de basisschool, de woningcorporatie en de sportvereniging in onze buurt, die ruimte en mensen beschikbaar stellen. Met de andere buurtplatforms in Maastricht wisselen we ervaringen uit, bijvoorbeeld tijdens de workshops van de gemeente.',
  'geld-en-subsidie':
    'We vragen subsidie aan volgens de Uitvoeringsregeling Buurtnetwerken 2017-2018. Daarnaast zoeken we sponsoring bij lokale ondernemers en vragen we een kleine bijdrage voor het zomerfeest. Een penningmeester houdt de boeken bij en elk jaar leggen we aan de bewoners uit waar het geld aan is besteed. Als de subsidie niet doorgaat, houden we de kosten laag en gaan we door op eigen kracht.',
  ondersteuning:
    'We willen graag hulp van de opbouwwerker bij het werven van nieuwe vrijwilligers en bij het schrijven van het Buurtplan. Ook een training over subsidies aanvragen zou ons helpen.',
  'op-weg-naar-buurtplan':
    'In 2017 halen we met enquêtes en buurtavonden op wat bewoners belangrijk vinden. Begin 2018 schrijven we een concept-Buurtplan, dat we op een buurtavond bespreken. Eind 2018 leveren we het vastgestelde Buurtplan op als basis voor de subsidie vanaf 2019. De werkgroep Buurtplan komt elke maand bij elkaar.',
} as const;
