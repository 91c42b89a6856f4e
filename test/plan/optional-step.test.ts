import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: '2016-12-01T10:00:00+01:00' });
});
afterAll(async () => {
  await app.close();
});

describe('an optional step after the last required one', () => {
  it('says that the plan can be handed in without it; required steps never say so', async () => {
    const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck' });
    await app.platforms.addMember(wyck.id, 'web:anna0000', 'board');
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    let replies = await anna.say('plan');
    const seen: Array<{ id: string; text: string }> = [];
    for (let i = 0; i < 12; i++) {
      const step = replies.find((r) => r.form?.id.startsWith('plan:'));
      if (!step?.form) break;
      const id = step.form.id.slice('plan:'.length);
      seen.push({ id, text: step.text });
      const answer = ANSWERS[id as keyof typeof ANSWERS];
      if (!answer) break;
      replies = await anna.say(answer);
    }
    const template = app.template();
    const required = template.sections.filter((s) => s.required).map((s) => s.id);
    const optional = new Set(template.sections.filter((s) => !s.required).map((s) => s.id));
    // Every step was answered when it was asked; an optional one comes after all required ones.
    const asked = seen.map((s) => s.id);
    expect(new Set(asked)).toEqual(new Set(template.sections.map((s) => s.id)));
    seen.forEach(({ id, text }, i) => {
      const requiredDone = required.every((r) => asked.slice(0, i).includes(r));
      const says = text.includes('Alle verplichte stappen zijn ingevuld. Deze stap mag je overslaan');
      expect(says, id).toBe(optional.has(id) && requiredDone);
    });
    expect(seen.some(({ id }, i) => optional.has(id) && required.every((r) => asked.slice(0, i).includes(r)))).toBe(true);
  });
});
