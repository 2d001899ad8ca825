/**
 * The Workers AI path, tested at its boundary: a stand-in for the `AI` binding answers what a model
 * could (good tool calls in both shapes Workers AI uses, malformed answers, unknown tools, arguments
 * out of range or unknown, an operation off the allow-list, an error), and everything it says goes
 * through the same checks as a typed `/maxis` command.
 */
import type { APIApplicationCommandSubcommandOption } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { actionSpecs, type toolSchemas } from "./ask/actions";
import { type AiRunner, DEFAULT_MODEL, readModelAnswer } from "./ask/model";
import { type Resolution, resolveDrafts } from "./ask/resolve";
import { understand } from "./ask/understand";
import { maxis } from "./commands/maxis";

const specs = actionSpecs((maxis.data.options ?? []) as APIApplicationCommandSubcommandOption[]);
const targets = ["maxis", "maxis-eu"];
const plans = [
  { name: "Pro (pro)", value: "pro" },
  { name: "Premium (premium)", value: "premium" },
];

/** The stand-in: records what it was asked and answers with `answer`. */
function standIn(answer: unknown | (() => never)) {
  const calls: { model: string; input: Record<string, unknown> }[] = [];
  const ai: AiRunner = {
    async run(model, input) {
      calls.push({ model, input });
      if (typeof answer === "function") return (answer as () => never)();
      return answer;
    },
  };
  return { ai, calls };
}

async function viaModel(
  answer: unknown,
  text = "whatever the operator typed",
): Promise<{ resolution: Resolution | string; engine: string; calls: ReturnType<typeof standIn>["calls"] }> {
  const { ai, calls } = standIn(answer);
  const understood = await understand({ AI: ai, ASK_MODEL: "" } as { ASK_MODEL?: string }, text, {
    locale: "fr",
    targets,
    specs,
    now: Date.parse("2026-12-01T10:00:00Z"),
    timeZone: "Europe/Paris",
  });
  const parsed = understood.parsed;
  if (parsed.kind !== "drafts") return { resolution: parsed.kind, engine: understood.engine, calls };
  const resolution = await resolveDrafts(parsed.drafts, {
    specs,
    targets,
    operator: { id: "1300000000000000333", name: "sam" },
    locale: "fr",
    choices: async (_t, field) => (field === "plan" ? plans : []),
  });
  return { resolution, engine: understood.engine, calls };
}

const promoCall = (args: unknown) => ({ tool_calls: [{ name: "promo", arguments: args }] });

describe("the model path", () => {
  it("gives the model the /maxis actions as tools, generated from the command definition, and the locale", async () => {
    const { calls } = await viaModel(
      promoCall({ percent: 20, plan: "pro", duration: "48h", target: "maxis" }),
    );
    expect(calls[0]?.model).toBe(DEFAULT_MODEL);
    const tools = calls[0]?.input["tools"] as ReturnType<typeof toolSchemas>;
    // One tool per /maxis subcommand, in the command's order (status, analytics, promo, giveaway, …).
    expect(tools.map((t) => t.function.name)).toEqual((maxis.data.options ?? []).map((o) => o.name));
    expect(tools.map((t) => t.function.name)).toContain("giveaway");
    const promo = tools.find((t) => t.function.name === "promo")?.function.parameters;
    expect(promo?.properties["percent"]).toMatchObject({ type: "integer", minimum: 1, maximum: 90 });
    expect(promo?.properties["target"]).toMatchObject({ type: "string", enum: targets });
    expect(promo?.required).toEqual(["percent", "plan", "duration"]);
    expect(promo?.additionalProperties).toBe(false);
    const messages = calls[0]?.input["messages"] as { role: string; content: string }[];
    expect(messages[0]?.content).toContain("The operator writes in French.");
    expect(messages[1]).toEqual({ role: "user", content: "whatever the operator typed" });
  });

  it("turns a well-formed tool call into the same proposal a typed /maxis would make", async () => {
    const { resolution, engine } = await viaModel(
      promoCall({ percent: 20, plan: "Pro", duration: "48h", target: "maxis" }),
    );
    expect(engine).toBe("model");
    expect(resolution).toMatchObject({
      kind: "ready",
      actions: [
        {
          proposal: {
            action: "promo",
            options: { percent: 20, plan: "pro", duration: "48h", target: "maxis" },
          },
          readOnly: false,
          call: { action: "promo", request: { percent: 20, plan: "pro", duration: "48h" } },
        },
      ],
    });
  });

  it("reads OpenAI-style tool calls whose arguments are a JSON string", async () => {
    const { resolution } = await viaModel({
      tool_calls: [
        { id: "x", type: "function", function: { name: "status", arguments: '{"target":"maxis-eu"}' } },
      ],
    });
    expect(resolution).toMatchObject({
      kind: "ready",
      actions: [{ proposal: { action: "status" }, readOnly: true }],
    });
  });

  it("refuses malformed answers cleanly", async () => {
    for (const answer of [
      null,
      "promo 20",
      { tool_calls: "promo" },
      { tool_calls: [{ name: 42, arguments: {} }] },
      { tool_calls: [{ name: "promo", arguments: "{not json" }] },
      { tool_calls: [{ name: "promo", arguments: [20, "pro"] }] },
      { tool_calls: Array.from({ length: 5 }, () => ({ name: "status", arguments: {} })) },
    ]) {
      expect((await viaModel(answer)).resolution).toBe("malformed");
    }
  });

  it("refuses tools that are not /maxis actions, and arguments a /maxis option does not have", async () => {
    expect(
      (await viaModel({ tool_calls: [{ name: "choices", arguments: { field: "plan" } }] })).resolution,
    ).toEqual({
      kind: "refusal",
      reason: "out_of_scope",
    });
    expect((await viaModel({ tool_calls: [{ name: "drop_database", arguments: {} }] })).resolution).toEqual({
      kind: "refusal",
      reason: "out_of_scope",
    });
    expect(
      (await viaModel(promoCall({ percent: 20, plan: "pro", duration: "48h", target: "maxis", force: true })))
        .resolution,
    ).toEqual({
      kind: "refusal",
      reason: "invalid",
    });
    expect(
      (await viaModel(promoCall({ percent: "twenty", plan: "pro", duration: "48h", target: "maxis" })))
        .resolution,
    ).toEqual({
      kind: "refusal",
      reason: "invalid",
    });
  });

  it("answers out-of-range arguments with the limit, proposing nothing", async () => {
    expect(
      (await viaModel(promoCall({ percent: 150, plan: "pro", duration: "48h", target: "maxis" }))).resolution,
    ).toEqual({
      kind: "question",
      field: "percent",
      min: 1,
      max: 90,
    });
    const giveaway = await viaModel({
      tool_calls: [
        {
          name: "giveaway",
          arguments: {
            prize: "Nitro",
            duration: "1h",
            channel: "1300000000000000020",
            winners: 500,
            target: "maxis",
          },
        },
      ],
    });
    expect(giveaway.resolution).toMatchObject({ kind: "question", field: "winners", min: 1, max: 20 });
  });

  it("asks for a whole number when the model gives a fraction, never rounding it", async () => {
    for (const percent of [12.5, "12.5"]) {
      expect(
        (await viaModel(promoCall({ percent, plan: "pro", duration: "48h", target: "maxis" }))).resolution,
      ).toEqual({ kind: "question", field: "percent", notWhole: 12.5 });
    }
  });

  it("keeps execute to its allow-list and the operator's bots", async () => {
    const exec = (operation: string) => ({
      tool_calls: [{ name: "execute", arguments: { operation, target: "maxis" } }],
    });
    expect((await viaModel(exec("rm -rf /"))).resolution).toEqual({ kind: "refusal", reason: "operation" });
    expect((await viaModel(exec("close-stale-tickets 9000"))).resolution).toMatchObject({
      kind: "question",
      field: "operation",
    });
    expect((await viaModel(exec("maintenance on"))).resolution).toMatchObject({ kind: "ready" });
    const elsewhere = await viaModel({
      tool_calls: [{ name: "restart", arguments: { target: "someone-elses-bot" } }],
    });
    expect(elsewhere.resolution).toMatchObject({ kind: "question", field: "target", choices: targets });
  });

  it("asks instead of guessing when the model leaves a required value out", async () => {
    expect(
      (await viaModel(promoCall({ percent: 20, duration: "48h", target: "maxis" }))).resolution,
    ).toMatchObject({
      kind: "question",
      field: "plan",
      choices: ["Pro (pro)", "Premium (premium)"],
    });
  });

  it("treats an answer without a tool call as out of scope", async () => {
    expect((await viaModel({ response: "Je ne peux pas faire cela." })).resolution).toBe("refusal");
  });

  it("falls back to the built-in parser when the binding fails", async () => {
    const { resolution, engine } = await viaModel(() => {
      throw new Error("AI binding: 5xx");
    }, "redémarre maxis-eu");
    expect(engine).toBe("parser");
    expect(resolution).toMatchObject({
      kind: "ready",
      actions: [{ proposal: { action: "restart", options: { target: "maxis-eu" } } }],
    });
  });
});

describe("readModelAnswer", () => {
  it("reads a tool call written as the text answer", () => {
    expect(readModelAnswer({ response: '{"name":"report","arguments":{"period":"30d"}}' })).toEqual({
      kind: "drafts",
      drafts: [{ action: "report", options: { period: "30d" } }],
    });
  });
});
