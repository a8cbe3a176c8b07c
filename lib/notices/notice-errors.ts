import { AppError } from "@/lib/errors/app-error";

export class NoticeChangedError extends AppError {
  constructor() {
    super("conflict", "该公示刚被他人修改或已发布，请刷新页面后再操作。");
  }
}

export class NoticePublishedError extends AppError {
  constructor() {
    super("conflict", "该公示已发布，不能修改；如内容有误，请发布更正公示。");
  }
}
