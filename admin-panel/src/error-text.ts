import { ApiError } from "./api";
import type { AppContextValue } from "./context";

/** The sentence to show for a failed API call, in the viewer's language. */
export function errorText(error: unknown, t: AppContextValue["t"]): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return t("error.network");
    if (error.code === "timeout") return t("error.timeout");
    if (error.status === 403) return error.message || t("error.forbidden");
    return error.message || t("error.generic");
  }
  return t("error.generic");
}
