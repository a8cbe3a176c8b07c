import "./print.css";

// Printable forms: no portal menu, only the form and a toolbar hidden in print.
// The pages sign in like the portal's (requireContext) and read through their use case.
export const dynamic = "force-dynamic";

export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="bg-white">{children}</div>;
}
