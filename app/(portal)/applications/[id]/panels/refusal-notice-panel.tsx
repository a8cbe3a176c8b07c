import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { NOTICE_CHANNEL_NAMES, NOTICE_CHANNELS, isNoticeChannel } from "@/lib/applications/domain/notice-channels";
import { refusalNoticeAction } from "./payment-actions";
import { PanelForm } from "./panel-form";

const OPTIONS = [["", "请选择"], ...NOTICE_CHANNELS.map((c) => [c, NOTICE_CHANNEL_NAMES[c]] as const)] as const;

/** 告知情况: how and when the applicant was told of the refusal; the server checks who may record it. */
export function RefusalNoticePanel({ app }: { app: ApplicationView }) {
  const r = app.refusal!;
  const channel = r.notifiedChannel && isNoticeChannel(r.notifiedChannel) ? NOTICE_CHANNEL_NAMES[r.notifiedChannel] : null;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-600" data-testid="notice-status">
        {r.notifiedOn ? `已于 ${r.notifiedOn} ${channel ?? ""}告知申请人。如登记有误可重新登记。` : "尚未登记告知情况。打印不予救助告知书送达申请人后，在此登记告知日期和方式。"}
      </p>
      <PanelForm
        testId="refusal-notice-form"
        version={app.version}
        action={refusalNoticeAction.bind(null, app.id)}
        submitLabel="登记告知情况"
        columns={2}
        fields={[
          { name: "notifiedOn", label: "告知日期", kind: "date", defaultValue: r.notifiedOn ?? app.today },
          { name: "channel", label: "告知方式", kind: "select", options: OPTIONS, defaultValue: r.notifiedChannel ?? "" },
        ]}
      />
    </div>
  );
}
