import type { ComplianceCounts } from "../../api";

/** Share of decided targets that were met, in whole percent; null when none was decided yet. */
export function compliancePercent(counts: ComplianceCounts): number | null {
  const decided = counts.met + counts.breached;
  return decided === 0 ? null : Math.round((counts.met / decided) * 100);
}

/** Hands a downloaded file to the browser's "save" (a same-document blob link). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
