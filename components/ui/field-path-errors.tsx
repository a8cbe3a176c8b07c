/**
 * A validation message whose first line says what is wrong and whose other
 * lines each name a field path and its problem (policy drafts, calendar
 * schedules loaded as JSON). Nothing is shown for an empty message.
 */
export function FieldPathErrors({ message, testId }: { message: string | undefined; testId: string }) {
  const [headline, ...issues] = message ? message.split("\n") : [];
  if (!headline) return null;
  return (
    <div data-testid={testId} role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
      <p className="font-medium">{headline}</p>
      {issues.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
