/**
 * Line icons drawn for Yandu as inline SVG (no icon font, no emoji: both render differently or
 * not at all across systems).
 *
 * @example
 * <Icon name="search" size={18} />
 */
const paths = {
  library: 'M4 4h4v16H4zM10 4h4v16h-4zM15.5 5.2l3.8-1 4 15.5-3.8 1z',
  reader: 'M2 5c3-1.5 6.5-1.5 10 1 3.5-2.5 7-2.5 10-1v14c-3-1.5-6.5-1.5-10 1-3.5-2.5-7-2.5-10-1zM12 6v14',
  search: 'M10.5 3a7.5 7.5 0 1 1 0 15 7.5 7.5 0 0 1 0-15zM16 16l5 5',
  highlights: 'M14 4l6 6-9 9H5v-6zM12 6l6 6M3 21h18',
  topics: 'M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM7 12h10M7 16h6',
  sync: 'M20 8a8 8 0 0 0-14.5-2M4 4v4h4M4 16a8 8 0 0 0 14.5 2M20 20v-4h-4',
  review: 'M4 6h12v14H4zM8 6V3h12v14h-4M7 11h6M7 15h4',
  settings: 'M12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.5',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d={paths[name]} />
    </svg>
  );
}
