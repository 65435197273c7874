import { describe, expect, it } from 'vitest';
import { extractTargets, lint, lintTarget, TACTICS_STEPS, type TacticsStep } from '../src/index.js';

/** The words each covered step points at (its sentence), or null. */
async function coverage(text: string): Promise<Record<TacticsStep, string | null>> {
  const { tactics } = await lint(text, { tactics: true });
  return Object.fromEntries(TACTICS_STEPS.map((step) => [step, tactics![step] && text.slice(tactics![step]!.start, tactics![step]!.end)])) as Record<TacticsStep, string | null>;
}

const COMPLAINT_HANDLED = `Hi Marcus,

Thanks for flagging the double charge, and I'm so sorry it happened.

I've refunded the second payment of $40 this morning; your bank will show it within 3 working days. I've made a note on your case 48213 so anyone on the team can see it.

Could you confirm that the card ends in 4821? Please let me know if the money hasn't arrived by Friday.

Best,
Kai Andersen`;

describe('tacticsCoverage', () => {
  it('finds each step of a complaint handled the TACTICS way, at its sentence', async () => {
    expect(await coverage(COMPLAINT_HANDLED)).toEqual({
      thank: 'Thanks',
      apologise: "Thanks for flagging the double charge, and I'm so sorry it happened.",
      collect: 'Could you confirm that the card ends in 4821?',
      takeAction: "I've refunded the second payment of $40 this morning; your bank will show it within 3 working days.",
      ownership: "I've refunded the second payment of $40 this morning; your bank will show it within 3 working days.",
      checkHappy: "Please let me know if the money hasn't arrived by Friday.",
      summarise: "I've made a note on your case 48213 so anyone on the team can see it.",
    });
  });

  it('finds nothing in an acknowledgement signed by a team', async () => {
    const steps = await coverage('Hello,\n\nYour request has been received.\n\nRegards,\nSupport Team');
    expect(Object.values(steps).every((step) => step === null)).toBe(true);
  });

  it('gives ownership only to a named person acting in the first person', async () => {
    const team = COMPLAINT_HANDLED.replace('Kai Andersen', 'The Billing Team');
    expect((await coverage(team)).ownership).toBeNull();
    const weActed = COMPLAINT_HANDLED.replace("I've refunded", "We've refunded").replace("I've made a note", "We've made a note");
    expect((await coverage(weActed)).ownership).toBeNull();
  });

  it('never counts the customer’s quoted words', async () => {
    const text = `Hi Ana,\n\nYour parcel arrives on Tuesday.\n\nBest,\nKai Andersen\n\nOn Mon, 3 Mar 2025, Ana Silva <ana@example.com> wrote:\n> Thanks in advance, and sorry to chase. Could you tell me when it arrives? Does this help?\n`;
    const steps = await coverage(text);
    expect([steps.thank, steps.apologise, steps.collect, steps.checkHappy]).toEqual([null, null, null, null]);
    expect(steps.takeAction).toBe('Your parcel arrives on Tuesday.');
  });

  it('is worked out only when asked for', async () => {
    expect((await lint(COMPLAINT_HANDLED)).tactics).toBeUndefined();
  });

  it('places the evidence in the source file of a target', async () => {
    const source = '<p>Hi Marcus,</p>\n<p>Thank you for your patience.</p>\n<p>Best,<br>Kai Andersen</p>\n';
    const [target] = await extractTargets(source, { path: 'macro.html' });
    const { tactics } = await lintTarget(target!, { source, tactics: true });
    expect(tactics!.thank).toMatchObject({ line: 2, column: 4 });
    expect(source.slice(tactics!.thank!.start, tactics!.thank!.end)).toBe('Thank you');
  });
});
