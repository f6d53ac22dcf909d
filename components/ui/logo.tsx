/** Zori's mark: a rising bar chart in a rounded square, and the word. */
export function Logo({ withWord = true }: { withWord?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-fg">
      <svg aria-hidden viewBox="0 0 32 32" className="size-7 shrink-0">
        <rect width="32" height="32" rx="8" fill="#4f46e5" />
        <rect x="8" y="17" width="4" height="7" rx="1.5" fill="#c7d2fe" />
        <rect x="14" y="12" width="4" height="12" rx="1.5" fill="#e0e7ff" />
        <rect x="20" y="7" width="4" height="17" rx="1.5" fill="#ffffff" />
      </svg>
      {withWord && <span className="text-lg">Zori</span>}
    </span>
  );
}
