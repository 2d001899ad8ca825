import { describe, expect, it } from "vitest";
import { formatPrice } from "./currency";

// Intl separates French amounts with narrow no-break spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatPrice", () => {
  it("writes cents as each language writes prices", () => {
    expect(formatPrice(1299, "EUR", "en")).toBe("€12.99");
    expect(plain(formatPrice(1299, "EUR", "fr"))).toBe("12,99 €");
    expect(plain(formatPrice(123456, "USD", "fr"))).toBe("1 234,56 $US");
    expect(formatPrice(123456, "USD", "en")).toBe("$1,234.56");
  });

  it("knows currencies without minor units", () => {
    expect(formatPrice(1500, "JPY", "en")).toBe("¥1,500");
  });

  it("writes the same amount again in each language and currency it is asked in", () => {
    // Prices are remembered once written: the key must hold the language and the currency too.
    for (let pass = 0; pass < 2; pass++) {
      expect(formatPrice(500, "EUR", "en")).toBe("€5.00");
      expect(plain(formatPrice(500, "EUR", "fr"))).toBe("5,00 €");
      expect(formatPrice(500, "USD", "en")).toBe("$5.00");
      expect(formatPrice(500, "JPY", "en")).toBe("¥500");
    }
  });

  it("refuses a code that is not a currency, every time", () => {
    expect(() => formatPrice(100, "EURO", "en")).toThrow(RangeError);
    expect(() => formatPrice(100, "EURO", "en")).toThrow(RangeError);
  });
});
