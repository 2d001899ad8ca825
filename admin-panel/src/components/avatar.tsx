import "./avatar.css";

const palette = ["#5865f2", "#3ba55d", "#eb459e", "#faa61a", "#00a8fc", "#9b59b6", "#e67e22", "#1abc9c"];

/** A Discord avatar, or initials on a colour that stays the same for a given user. */
export function Avatar({
  id,
  name,
  url,
  size = 28,
}: {
  id: string;
  name: string;
  url?: string | null;
  size?: number;
}) {
  const colour = palette[Number(BigInt(id || "0") % BigInt(palette.length))];
  const initials = name
    .replace(/\(.*\)/, "")
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
  return url ? (
    <img class="avatar" src={url} alt="" width={size} height={size} />
  ) : (
    <span
      class="avatar"
      style={{ background: colour, width: `${size}px`, height: `${size}px` }}
      aria-hidden="true"
    >
      {initials || "?"}
    </span>
  );
}
