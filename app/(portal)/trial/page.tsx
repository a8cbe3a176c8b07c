import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { trialOptions } from "@/lib/policies/trial-options";
import { runTrialAction } from "./actions";
import { TrialForm } from "./trial-form";

export const metadata: Metadata = { title: "救助试算" };

export default async function TrialPage() {
  const ctx = await requireContext();
  const result = await loadForPage(() => trialOptions(ctx));
  if (!result.ok) return <Notice tone="error">{result.error.message}</Notice>;
  return (
    <>
      <PageHeader
        title="救助试算"
        description="按所选政策，对一人一年内的一笔或多笔就医费用依次计算基本医保、大病保险、医疗救助和倾斜救助，列出每一步的计算依据，可打印。试算不保存任何数据。"
      />
      <TrialForm action={runTrialAction} options={result.data.options} defaultPolicy={result.data.defaultValue} />
    </>
  );
}
