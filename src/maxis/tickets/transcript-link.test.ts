import { describe, expect, it } from "vitest";
import { checkTranscriptLink, transcriptLinkPath } from "./transcript-link";

const SECRET = "s".repeat(64);
const grant = { guildId: "1300000000000000010", number: 7, memberId: "1300000000000000444", expires: 2_000 };

async function paramsOf(path: string) {
  const url = new URL(`https://maxis.test${path}`);
  const [, , guildId = "", number = ""] = url.pathname.split("/");
  return {
    guildId,
    number,
    member: url.searchParams.get("member") ?? undefined,
    expires: url.searchParams.get("expires") ?? undefined,
    sig: url.searchParams.get("sig") ?? undefined,
  };
}

describe("transcript links", () => {
  it("accept what Maxis signed until it expires, then say it expired", async () => {
    const params = await paramsOf(await transcriptLinkPath(SECRET, grant));
    expect(await checkTranscriptLink(SECRET, params, 1_999)).toEqual({ ok: true, value: grant });
    expect(await checkTranscriptLink(SECRET, params, 2_000)).toEqual({ ok: false, error: "expired" });
  });

  it("refuse any part changed, another secret, and malformed values", async () => {
    const params = await paramsOf(await transcriptLinkPath(SECRET, grant));
    const forged = { ok: false, error: "forged" };
    expect(await checkTranscriptLink(SECRET, { ...params, number: "8" }, 0)).toEqual(forged);
    expect(await checkTranscriptLink(SECRET, { ...params, member: "1300000000000000555" }, 0)).toEqual(
      forged,
    );
    expect(await checkTranscriptLink(SECRET, { ...params, guildId: "1300000000000000920" }, 0)).toEqual(
      forged,
    );
    expect(await checkTranscriptLink(SECRET, { ...params, expires: "99999" }, 0)).toEqual(forged);
    expect(await checkTranscriptLink("t".repeat(64), params, 0)).toEqual(forged);
    const malformed = { ok: false, error: "malformed" };
    expect(await checkTranscriptLink(SECRET, { ...params, sig: undefined }, 0)).toEqual(malformed);
    expect(await checkTranscriptLink(SECRET, { ...params, sig: `${params.sig}=` }, 0)).toEqual(malformed);
    expect(await checkTranscriptLink(SECRET, { ...params, number: "07" }, 0)).toEqual(malformed);
    expect(await checkTranscriptLink(SECRET, { ...params, member: "1e5" }, 0)).toEqual(malformed);
  });
});
