/** deploy:check's judgement on a table of settings an operator might get wrong. */
import { beforeAll, describe, expect, it } from "vitest";
import { publicJwks } from "../supabase-keys";
import { checkDeployment, formatFindings } from ".";
import { errorCases, warningCases } from "./deploy-check.cases";
import { keys, loadKeys, validInput } from "./deploy-check.fixture";

beforeAll(loadKeys);

describe("deploy:check", () => {
  it("passes a complete, consistent deployment", async () => {
    const input = validInput();
    input.jwks = { keys: publicJwks([keys.signing]) };
    const findings = await checkDeployment(input);
    expect(findings).toEqual([]);
    expect(formatFindings(findings)).toBe("No errors: ready to deploy.");
  });

  it.each(errorCases)("names %s", async (_description, change, where, message) => {
    const input = validInput();
    change(input);
    const findings = await checkDeployment(input);
    const errors = findings.filter((finding) => finding.level === "error");
    expect(errors).toContainEqual({ level: "error", where, message: expect.stringMatching(message) });
    expect(formatFindings(findings)).toMatch(/error\(s\).*fix the errors before deploying\.$/);
  });

  it.each(warningCases)("warns about %s, without an error", async (_description, change, where, message) => {
    const input = validInput();
    change(input);
    const findings = await checkDeployment(input);
    expect(findings).toContainEqual({ level: "warning", where, message: expect.stringMatching(message) });
    expect(findings.filter((finding) => finding.level === "error")).toEqual([]);
  });

  it("accepts the legacy option when [secrets] required names SUPABASE_JWT_SECRET", async () => {
    const input = validInput();
    input.maxis.requiredSecrets = input.maxis.requiredSecrets.map((name) =>
      name === "SUPABASE_JWT_SIGNING_KEY" ? "SUPABASE_JWT_SECRET" : name,
    );
    delete input.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"];
    input.maxis.secrets["SUPABASE_JWT_SECRET"] = "s".repeat(40);
    const findings = await checkDeployment(input);
    expect(findings.filter((finding) => finding.level === "error")).toEqual([]);
  });
});
