/** The checks of Maxis's Supabase signing settings: an ES256 JWK that works, or the legacy secret. */
import { type Es256PrivateJwk, parseEs256PrivateJwk } from "../../../src/maxis/supabase/signing-key";
import type { Findings, WorkerInput } from "./types";
import { isRecord } from "./values";

/** Signs and verifies a sample with the key: a `d` that does not belong to `x`/`y` fails here. */
async function keyPairHolds(jwk: Es256PrivateJwk): Promise<boolean> {
  try {
    const algorithm = { name: "ECDSA", namedCurve: "P-256" };
    const { kty, crv, x, y, d } = jwk;
    const privateKey = await crypto.subtle.importKey("jwk", { kty, crv, x, y, d }, algorithm, false, [
      "sign",
    ]);
    const publicKey = await crypto.subtle.importKey("jwk", { kty, crv, x, y }, algorithm, false, ["verify"]);
    const sample = new TextEncoder().encode("deploy:check");
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, sample);
    return await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, signature, sample);
  } catch {
    return false;
  }
}

function checkAgainstJwks(jwk: Es256PrivateJwk, jwks: unknown, findings: Findings, where: string): void {
  const keys = isRecord(jwks) && Array.isArray(jwks["keys"]) ? jwks["keys"].filter(isRecord) : null;
  if (!keys) {
    findings.error(
      "--jwks",
      'is not a JWKS: expected {"keys": [ … ]} as /auth/v1/.well-known/jwks.json serves it',
    );
    return;
  }
  const published = keys.find((key) => key["kid"] === jwk.kid);
  if (!published) {
    const kids = keys.map((key) => String(key["kid"])).join(", ") || "none";
    findings.error(
      where,
      `kid ${jwk.kid} is not in the project's JWKS (it has: ${kids}): import this key under Settings → JWT Keys, then rotate to it`,
    );
  } else if (published["x"] !== jwk.x || published["y"] !== jwk.y) {
    findings.error(
      where,
      `the project's key ${jwk.kid} is another key than this one: the kid matches, the public key does not`,
    );
  }
}

export async function checkSigningKey(maxis: WorkerInput, jwks: unknown, findings: Findings): Promise<void> {
  const signingKey = maxis.secrets["SUPABASE_JWT_SIGNING_KEY"];
  const legacySecret = maxis.secrets["SUPABASE_JWT_SECRET"];
  const where = "maxis SUPABASE_JWT_SIGNING_KEY";
  if (signingKey) {
    const parsed = parseEs256PrivateJwk(signingKey);
    if (!parsed.ok) {
      findings.error(where, parsed.error);
      return;
    }
    if (!(await keyPairHolds(parsed.value))) {
      findings.error(
        where,
        "does not sign: its private part does not match its public part (x, y): generate a new key",
      );
      return;
    }
    if (jwks !== undefined) checkAgainstJwks(parsed.value, jwks, findings, where);
    if (legacySecret) {
      findings.warning(
        "maxis SUPABASE_JWT_SECRET",
        "is set but unused: Maxis signs with SUPABASE_JWT_SIGNING_KEY; delete it once the project no longer trusts the legacy secret",
      );
    }
    return;
  }
  if (legacySecret) {
    if (legacySecret.length < 32) {
      findings.error(
        "maxis SUPABASE_JWT_SECRET",
        "is shorter than a Supabase JWT secret (at least 32 characters)",
      );
    }
    findings.warning(
      "maxis SUPABASE_JWT_SECRET",
      "signs with the legacy HS256 secret; Supabase recommends an ES256 signing key (DEPLOY.md, step 2)",
    );
    return;
  }
  findings.error(
    where,
    "is missing: set the ES256 key (`supabase gen signing-key --algorithm ES256`), or SUPABASE_JWT_SECRET for a project on the legacy secret",
  );
}
