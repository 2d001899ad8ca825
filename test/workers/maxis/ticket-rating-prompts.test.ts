/**
 * The rating prompt and the owner's answers to it, against the stand-ins (a server without a support
 * channel: the prompt goes by DM). The prompt is only sent while the ticket is still closed, names
 * the ticket it is about, and every refusal of a rating or a comment says what is actually wrong.
 */
import { env, exports } from "cloudflare:workers";
import { type APIInteraction, InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { type Actor, modalSubmitInteraction } from "../../../scripts/lib/interaction-builder";
import { LOCAL_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import { runAutomationPass } from "../../../src/maxis/tickets/automation/pass";
import { sendInteraction } from "../support/discord";
import {
  allDiscordRequests,
  buttonsOf,
  type Cast,
  click,
  dmsTo,
  freshCast,
  inLocale,
  messageOf,
  privateText,
  run,
  submitModal,
} from "./tickets-support";

/** The text of each DM (not the DM channels opened) carrying the rating buttons of ticket #number. */
async function ratingPrompts(cast: Cast, member: Actor, number: number) {
  const sent = dmsTo(member.userId, `ticket-auto:rate:${cast.guildId}:${number}:1`);
  return sent(await allDiscordRequests())
    .filter((r) => r.path !== "/users/@me/channels")
    .map((r) => (r.body as { content?: string }).content);
}

/** The comment form sent from the prompt's "Add a comment" button, as Discord sends it (with its message). */
async function commentFromPrompt(actor: Actor, modalId: string, comment: string) {
  const interaction = {
    ...modalSubmitInteraction(actor, modalId, { comment }),
    message: { id: "0", channel_id: LOCAL_CHANNEL_ID, content: "", components: [] },
  } as unknown as APIInteraction;
  return (await sendInteraction(exports.default, interaction)).response;
}

describe("the rating prompt", { timeout: 30_000 }, () => {
  it("is dropped when the ticket was reopened before it went out, and asked at the next close", async () => {
    const cast = freshCast();
    await run(cast.memberA, "/ticket create subject:Back again description:It came back");
    await run(cast.staff, "/ticket close ticket:1");
    await run(cast.memberA, "/ticket reopen ticket:1");
    expect(await runAutomationPass(env, { guildId: cast.guildId })).toMatchObject({ delivered: 0 });
    expect(await ratingPrompts(cast, cast.memberA, 1)).toEqual([]);

    await run(cast.staff, "/ticket close ticket:1");
    expect(await runAutomationPass(env, { guildId: cast.guildId })).toMatchObject({ delivered: 1 });
    expect(await ratingPrompts(cast, cast.memberA, 1)).toHaveLength(1);
  });

  it("names the ticket's subject when it goes by DM, in the owner's language", async () => {
    const cast = freshCast();
    const french = inLocale(cast.memberB, "fr");
    await run(cast.memberA, "/ticket create subject:Printer offline description:Since Monday");
    await run(french, "/ticket create subject:Facture en double description:Deux fois");
    await run(cast.staff, "/ticket close ticket:1");
    await run(cast.staff, "/ticket close ticket:2");
    expect(await runAutomationPass(env, { guildId: cast.guildId })).toMatchObject({ delivered: 2 });
    expect(await ratingPrompts(cast, cast.memberA, 1)).toEqual([
      "⭐ How was the help on your ticket **#1** (Printer offline)? Rate it from 1 to 5.",
    ]);
    expect(await ratingPrompts(cast, french, 2)).toEqual([
      "⭐ Comment s'est passée l'aide sur votre ticket **#2** (Facture en double) ? Notez-la de 1 à 5.",
    ]);
  });
});

describe("the owner's answers", { timeout: 30_000 }, () => {
  it("say what is wrong: no rating asked, not rated yet, a comment already sent", async () => {
    const cast = freshCast();
    await run(cast.memberA, "/ticket create subject:Rate me description:Later");
    const rate = (score: number) => `ticket-auto:rate:${cast.guildId}:1:${score}`;
    const modalId = `ticket-auto-comment:${cast.guildId}:1`;
    expect(privateText(await click(cast.memberA, rate(3)))).toBe(
      "Ticket **#1** has no rating to give: Maxis asks for one once the ticket is closed.",
    );
    expect(privateText(await click(inLocale(cast.memberA, "fr"), rate(3)))).toBe(
      "Le ticket **#1** n'attend pas de note : Maxis la demande une fois le ticket fermé.",
    );
    expect(privateText(await click(cast.memberB, rate(3)))).toBe(
      "Only the person who opened this ticket may answer here.",
    );

    await run(cast.staff, "/ticket close ticket:1");
    await runAutomationPass(env, { guildId: cast.guildId });
    expect(privateText(await submitModal(cast.memberA, modalId, { comment: "Too early" }))).toBe(
      "Rate ticket **#1** first, then add a comment.",
    );
    expect(messageOf(await click(cast.memberA, rate(4))).content).toBe(
      "Thank you! You rated ticket **#1** 4/5.",
    );

    // Sent from the prompt: the prompt says thank you, and its comment button is used up.
    const commented = await commentFromPrompt(cast.memberA, modalId, "Kind and quick");
    expect(commented.type).toBe(InteractionResponseType.UpdateMessage);
    const prompt = messageOf(commented);
    expect(prompt.content).toBe(
      "Thank you! You rated ticket **#1** 4/5.\nThank you, your comment was passed on to the team.",
    );
    expect(buttonsOf({ components: prompt.components?.slice(1) })).toEqual([
      expect.objectContaining({ custom_id: `ticket-auto:comment:${cast.guildId}:1`, disabled: true }),
    ]);
    expect(privateText(await submitModal(cast.memberA, modalId, { comment: "Again" }))).toBe(
      "You already sent a comment on ticket **#1**. Thank you!",
    );
    expect(privateText(await submitModal(inLocale(cast.memberA, "fr"), modalId, { comment: "Encore" }))).toBe(
      "Vous avez déjà envoyé un commentaire sur le ticket **#1**. Merci !",
    );
  });
});
