import { describe, expect, it } from "vitest";
import { translatorFor } from "../../shared/i18n";
import { renderAuthPage } from "./page";

describe("renderAuthPage", () => {
  it("escapes what Discord tells us about the user", () => {
    const t = translatorFor("en");
    const html = renderAuthPage(t, {
      lang: "en",
      heading: t("dashboardAuth.notStaff.heading"),
      body: t("dashboardAuth.notStaff.body", { name: "<img src=x onerror=alert(1)>" }),
      links: [[t("dashboardAuth.back"), "https://dash.example/?a=1&b=2"]],
    });
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://dash.example/?a=1&amp;b=2"');
    expect(html).toContain("support team");
  });
});
