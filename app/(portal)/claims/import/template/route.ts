import { getClaimsTemplate } from "@/lib/claims/get-claims-template";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /claims/import/template — the settlement-record template (.xlsx).
export const GET = apiRoute(["claims.import"], async (ctx) => fileDownload(await getClaimsTemplate(ctx), "结算记录导入模板.xlsx"), { sessionOnly: true });
