// One section of the dashboard: a heading, its key figures as tiles, then
// charts and tables. Kept whole on a printed page where it fits.

export function Section({ id, title, subtitle, children }: { id: string; title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <section id={id} className="stats-section rounded-lg border border-slate-200 bg-white p-5" data-testid={`section-${id}`} aria-labelledby={`${id}-title`}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {subtitle ? <p className="text-sm text-slate-500">{subtitle}</p> : null}
      </div>
      <div className="space-y-4">{children}</div>
    </section>
  );
}

export function Tiles({ children }: { children: React.ReactNode }) {
  return <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">{children}</dl>;
}

export function Tile({ label, value, hint, tone = "plain", testId }: { label: string; value: string; hint?: React.ReactNode; tone?: "plain" | "warn" | "good"; testId?: string }) {
  const color = tone === "warn" ? "text-red-700" : tone === "good" ? "text-emerald-700" : "text-slate-900";
  return (
    <div className="rounded border border-slate-200 bg-slate-50 px-4 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tabular-nums ${color}`} data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

export function ChartBlock({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="stats-block">
      <h3 className="mb-2 text-sm font-medium text-slate-700">{title}</h3>
      {children}
    </div>
  );
}

export function SectionError({ message }: { message: string }) {
  return (
    <p className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status">
      {message}
    </p>
  );
}
