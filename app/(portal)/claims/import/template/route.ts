import { getClaimsTemplate } from "@/lib/claims/get-claims-template";
import { apiRoute } from "@/lib/http/api-route";
import { download, XLSX_TYPE } from "@/lib/claims/download-response";

// GET /claims/import/template — the settlement-record template (.xlsx).
export const GET = apiRoute([], async (ctx) => download(await getClaimsTemplate(ctx), "结算记录导入模板.xlsx", XLSX_TYPE));
