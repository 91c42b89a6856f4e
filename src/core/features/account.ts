/**
 * A person's own settings and data: personal reminders on/off, "mijn gegevens" (what is stored)
 * and "vergeet mij" (delete it, after a confirmation). Also the coordinator's on-demand digest.
 */
import { matchCommand, type CommandSpec } from '../commands.js';
import type { Digest } from '../digest/digest.js';
import type { Bilingual, Language } from '../language.js';
import type { Reply } from '../messages.js';
import type { AccessPolicy } from '../platforms/access.js';
import type { UserStore } from '../ports.js';
import type { PrivacyStore } from '../privacy/ports.js';
import { textCatalog } from '../texts.js';
import { formatDate } from '../dates.js';
import type { Feature, TurnContext } from '../turn.js';

const WORDS = {
  remindersOff: ['herinneringen uit', 'geen herinneringen', 'reminders off', 'no reminders', 'stop herinneringen'],
  remindersOn: ['herinneringen aan', 'reminders on'],
  myData: ['mijn gegevens', 'wat weet je van mij', 'my data', 'what do you know about me'],
  forget: ['vergeet mij', 'verwijder mij', 'verwijder mijn gegevens', 'forget me', 'delete my data'],
  yes: ['ja', 'yes', 'ja, vergeet mij', 'yes, forget me'],
  digest: ['digest', 'weekoverzicht', 'coordinator overzicht', 'coordinatoroverzicht'],
};

const T = {
  off: {
    nl: 'Je krijgt geen persoonlijke herinneringen meer. Typ `herinneringen aan` om ze weer aan te zetten.',
    en: 'You will no longer get personal reminders. Type `reminders on` to switch them back on.',
  },
  on: {
    nl: 'Persoonlijke herinneringen staan weer aan. (Nooit tussen {start} en {end}.)',
    en: 'Personal reminders are on again. (Never between {start} and {end}.)',
  },
  nothing: { nl: 'Ik heb (nog) niets over je opgeslagen.', en: 'I have not stored anything about you (yet).' },
  dataTitle: { nl: 'Dit heb ik over je opgeslagen:', en: 'This is what I have stored about you:' },
  dataLines: {
    nl: '• Je id (voor beheerders; het geeft niemand toegang): {ref}\n• Naam: {name}\n• Taal: {language}\n• Rol: {role}\n• Persoonlijke herinneringen: {reminders}\n• Lid van: {memberships}\n• Aanmeldingen bij een platform: {joins}',
    en: '• Your id (for admins; it gives nobody access): {ref}\n• Name: {name}\n• Language: {language}\n• Role: {role}\n• Personal reminders: {reminders}\n• Member of: {memberships}\n• Requests to join a platform: {joins}',
  },
  dataSections: {
    nl: '• Plantekst die je schreef (je naam staat erbij): {items}',
    en: '• Plan text you wrote (your name is shown with it): {items}',
  },
  dataDrafts: { nl: '• Concepten (nog niet in het plan): {items}', en: '• Drafts (not in the plan yet): {items}' },
  dataQuestions: { nl: '• Vragen die je stelde ({count}):', en: '• Questions you asked ({count}):' },
  dataMore: { nl: '  … en nog {count}', en: '  … and {count} more' },
  dataMessages: { nl: '• Chatberichten met mij: {count}{since}', en: '• Chat messages with me: {count}{since}' },
  dataSince: { nl: ', sinds {date}', en: ', since {date}' },
  dataFeedback: { nl: '• Reacties op antwoorden (👍/👎): {count}', en: '• Reactions to answers (👍/👎): {count}' },
  dataNotices: {
    nl: '• Meldingen aan of over jou in de webchat: {count}{latest}',
    en: '• Notices to or about you in the web chat: {count}{latest}',
  },
  dataLatest: { nl: ', de laatste op {date}', en: ', the latest on {date}' },
  dataSessions: { nl: '• Browsers die als jou zijn ingelogd: {count}{latest}', en: '• Browsers signed in as you: {count}{latest}' },
  dataLastUsed: { nl: ', laatst gebruikt op {date}', en: ', last used on {date}' },
  dataChoices: {
    nl: '• Keuzes die je doorgaf (die blijven van je platform, zonder je naam als je vergeten wordt): {items}',
    en: '• Choices you recorded (they stay with your platform, without your name, if you are forgotten): {items}',
  },
  dataInitiatives: { nl: '• Initiatieven waarvoor je contactpersoon bent: {items}', en: '• Initiatives you are the contact for: {items}' },
  dataDecisions: {
    nl: '• Besluiten die je als coördinator vastlegde (die blijven, zonder je naam, als je vergeten wordt): {items}',
    en: '• Decisions you recorded as coordinator (they stay, without your name, if you are forgotten): {items}',
  },
  dataReviews: {
    nl: '• Je beoordelingen van plannen (opmerkingen, terugsturen, accepteren; idem): {items}',
    en: '• Your reviews of plans (comments, returns, acceptances; the same): {items}',
  },
  dataEvents: { nl: '• Aanmeldingen voor workshops: {items}', en: '• Workshop sign-ups: {items}' },
  dataInbox: {
    nl: '• Berichten van het laatste etmaal, bewaard zodat ik elk één keer beantwoord: {count}',
    en: '• Messages from the last day, kept so I answer each exactly once: {count}',
  },
  dataWhy: {
    nl: 'Waarom: je naam laat medebestuursleden zien wie iets schreef; berichten en vragen helpen de coördinatoren de antwoorden te verbeteren. Typ `vergeet mij` om alles te laten verwijderen.',
    en: 'Why: your name shows fellow board members who wrote what; messages and questions help coordinators improve the answers. Type `forget me` to have everything deleted.',
  },
  forgetConfirm: {
    nl: 'Weet je het zeker? Ik verwijder je naam, je berichten, je vragen, je lidmaatschappen en aanmeldingen, je concepten, meldingen aan en over jou, en log je browsers uit. Teksten die je in een plan schreef blijven voor je platform bewaard, maar zonder jouw naam.',
    en: 'Are you sure? I will delete your name, your messages, your questions, your memberships and requests, your drafts, notices to and about you, and sign out your browsers. Texts you wrote in a plan stay with your platform, but without your name.',
  },
  forgotten: {
    nl: 'Gedaan: je gegevens zijn verwijderd. Als je me opnieuw iets vraagt, begin je als nieuwe gebruiker.',
    en: 'Done: your data has been deleted. If you talk to me again, you start as a new user.',
  },
  notForgotten: { nl: 'Oké, ik heb niets verwijderd.', en: 'OK, I did not delete anything.' },
  yesForget: { nl: 'Ja, vergeet mij', en: 'Yes, forget me' },
  cancel: { nl: 'Nee', en: 'No' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  onlyCoordinators: { nl: 'Het weekoverzicht is alleen voor coördinatoren.', en: 'The digest is for coordinators only.' },
  helpLine: {
    nl: '• `herinneringen uit` / `herinneringen aan`; `mijn gegevens` en `vergeet mij` voor je privacy',
    en: '• `reminders off` / `reminders on`; `my data` and `forget me` for your privacy',
  },
  helpCoordinator: {
    nl: '• Coördinatoren: `digest` — het overzicht van alle platforms',
    en: '• Coordinators: `digest` — the overview of all platforms',
  },
} satisfies Record<string, Bilingual>;

const tt = textCatalog(T);

const SHOWN_QUESTIONS = 5;

/** A question on one line, at most 80 characters. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export interface AccountFeatureDeps {
  users: UserStore;
  privacy: PrivacyStore;
  access: AccessPolicy;
  digest: () => Promise<{ digest: Digest; reply: Reply }>;
  /** When no personal reminders are sent (QUIET_HOURS), as said in the confirmation. */
  quietHours: { start: string; end: string };
}

export class AccountFeature implements Feature {
  readonly name = 'account';
  // Privacy and reminder settings work anywhere, also in the middle of a plan step.
  readonly commands: readonly CommandSpec[] = [
    { id: 'reminders-off', words: WORDS.remindersOff, scope: 'anywhere' },
    { id: 'reminders-on', words: WORDS.remindersOn, scope: 'anywhere' },
    { id: 'my-data', words: WORDS.myData, scope: 'anywhere' },
    { id: 'forget', words: WORDS.forget, scope: 'anywhere' },
    { id: 'forget-confirm', words: WORDS.yes, scope: 'pending' },
    { id: 'digest', words: WORDS.digest, scope: 'outside-flow' },
  ];
  constructor(private readonly deps: AccountFeatureDeps) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [tt(language, 'helpLine'), tt(language, 'helpCoordinator')] : [tt(language, 'helpLine')];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const { language, text } = turn;
    const is = (words: readonly string[]) => matchCommand(text, words) === '';
    const pending = turn.state.pending;
    if (pending?.feature === 'account' && pending.kind === 'forget') {
      turn.state.pending = undefined;
      if (turn.message.action === 'account:forget' || is(WORDS.yes)) return this.forget(turn);
      if (!turn.message.action) return [{ kind: 'info', text: tt(language, 'notForgotten') }];
    }
    if (is(WORDS.remindersOff) || turn.message.action === 'account:reminders-off') {
      await this.deps.users.setRemindersOff(turn.user.ref, true);
      return [{ kind: 'info', text: tt(language, 'off') }];
    }
    if (is(WORDS.remindersOn) || turn.message.action === 'account:reminders-on') {
      await this.deps.users.setRemindersOff(turn.user.ref, false);
      return [{ kind: 'info', text: tt(language, 'on', this.deps.quietHours) }];
    }
    if (is(WORDS.myData)) return this.myData(turn);
    if (is(WORDS.forget)) {
      turn.state.pending = { feature: 'account', kind: 'forget' };
      return [
        {
          kind: 'info',
          ephemeral: true,
          text: tt(language, 'forgetConfirm'),
          buttons: [
            { id: 'account:forget', label: tt(language, 'yesForget'), typed: tt(language, 'yes'), style: 'danger' },
            { id: 'account:keep', label: tt(language, 'cancel'), typed: tt(language, 'no') },
          ],
        },
      ];
    }
    if (turn.message.action === 'account:keep') return [{ kind: 'info', text: tt(language, 'notForgotten') }];
    if (is(WORDS.digest) || turn.message.action === 'digest') {
      if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: tt(language, 'onlyCoordinators') }];
      const { reply } = await this.deps.digest();
      return [{ ...reply, ephemeral: true }];
    }
    return null;
  }

  private async myData(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    const data = await this.deps.privacy.export(turn.user.ref);
    if (!data) return [{ kind: 'info', text: tt(language, 'nothing') }];
    const yesNo = (on: boolean) => (on ? (language === 'nl' ? 'aan' : 'on') : language === 'nl' ? 'uit' : 'off');
    const date = (iso: string) => formatDate(iso, language);
    const list = (items: readonly string[]) => items.join(', ') || '—';
    // Every category `user export` has, with what is in it (not only counts): a person should
    // recognise their own data. Long lists are cut; the admin's export has everything.
    const lines = [
      tt(language, 'dataLines', {
        ref: data.user.ref,
        name: data.user.displayName ?? '—',
        language: data.user.language ?? '—',
        role: data.user.role,
        reminders: yesNo(!data.user.remindersOff),
        memberships: list(data.memberships.map((m) => `${m.platform} (${m.role})`)),
        joins: list(data.joinRequests.map((j) => `${j.platform} (${j.status})`)),
      }),
      tt(language, 'dataSections', { items: list(data.planSections.map((s) => `${s.platform} · ${s.section}`)) }),
      tt(language, 'dataDrafts', { items: list(data.planDrafts.map((d) => `${d.platform} · ${d.section}`)) }),
      tt(language, 'dataQuestions', { count: data.questions.length }),
      ...data.questions.slice(0, SHOWN_QUESTIONS).map((q) => `  "${quote(q.text)}" (${date(q.createdAt)})`),
      ...(data.questions.length > SHOWN_QUESTIONS ? [tt(language, 'dataMore', { count: data.questions.length - SHOWN_QUESTIONS })] : []),
      tt(language, 'dataMessages', {
        count: data.messages.count,
        since: data.messages.oldest ? tt(language, 'dataSince', { date: date(data.messages.oldest) }) : '',
      }),
      tt(language, 'dataFeedback', { count: data.feedback }),
      tt(language, 'dataNotices', {
        count: data.notices.length,
        latest: data.notices[0] ? tt(language, 'dataLatest', { date: date(data.notices[0].createdAt) }) : '',
      }),
      ...(data.webSessions.length
        ? [
            tt(language, 'dataSessions', {
              count: data.webSessions.length,
              latest: tt(language, 'dataLastUsed', { date: date(data.webSessions[0]!.lastSeenAt) }),
            }),
          ]
        : []),
      ...(data.choices.length
        ? [tt(language, 'dataChoices', { items: list(data.choices.map((c) => `${c.platform}: ${c.path} (${date(c.at)})`)) })]
        : []),
      ...(data.initiatives.length ? [tt(language, 'dataInitiatives', { items: list(data.initiatives.map((i) => i.buurt)) })] : []),
      ...(data.decisions.length
        ? [tt(language, 'dataDecisions', { items: list(data.decisions.map((d) => `${d.platform}: ${d.outcome} (${date(d.at)})`)) })]
        : []),
      ...(data.reviews.length
        ? [tt(language, 'dataReviews', { items: list(data.reviews.map((r) => `${r.platform}: ${r.kind} (${date(r.at)})`)) })]
        : []),
      ...(data.eventSignups.length ? [tt(language, 'dataEvents', { items: list(data.eventSignups.map((s) => s.event)) })] : []),
      tt(language, 'dataInbox', { count: data.recentInbox }),
    ];
    return [{ kind: 'info', ephemeral: true, text: [tt(language, 'dataTitle'), ...lines, '', tt(language, 'dataWhy')].join('\n') }];
  }

  private async forget(turn: TurnContext): Promise<Reply[]> {
    await this.deps.privacy.forget(turn.user.ref);
    // The conversation row went with the user; nothing of this turn may be written back.
    turn.state = {};
    turn.forgotten = true;
    return [{ kind: 'info', text: tt(turn.language, 'forgotten') }];
  }
}
