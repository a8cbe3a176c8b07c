import { chineseDate } from "@/lib/applications/domain/print-forms";
import { PrintToolbar } from "./print-toolbar";

// The pieces every printed form shares: the office header and title, the
// form's number line, a signature line, and the error text when the form
// cannot be shown.

export function FormHead({ office, title, left, right }: { office: string; title: string; left?: string; right?: string }) {
  return (
    <header>
      <p className="form-office">{office}</p>
      <h1 className="form-title">{title}</h1>
      {left || right ? (
        <div className="form-meta">
          <span>{left}</span>
          <span>{right}</span>
        </div>
      ) : null}
    </header>
  );
}

export function SignLine({ who, on, seal }: { who: string; on?: string | null; seal?: boolean }) {
  return (
    <div className="sign-row">
      <span>{who}（签字）：<span className="blank" /></span>
      {seal ? <span>（盖章）</span> : null}
      <span>{chineseDate(on ?? null)}</span>
    </div>
  );
}

export function PrintFrame({ back, children }: { back: string; children: React.ReactNode }) {
  return (
    <>
      <PrintToolbar back={back} />
      <main className="print-page">{children}</main>
    </>
  );
}

export function FormError({ message, back }: { message: string; back: string }) {
  return (
    <PrintFrame back={back}>
      <p data-testid="form-error" style={{ color: "#b91c1c" }}>{message}</p>
    </PrintFrame>
  );
}
