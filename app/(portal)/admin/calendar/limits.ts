// A year's schedule is about 2 KB. Checked in the browser too, because a file
// over Next's 1 MB server-action body limit would fail before our code runs.
export const MAX_SCHEDULE_FILE_BYTES = 512_000;
export const FILE_TOO_LARGE = "文件超过 500 KB，不像是一个年度的节假日安排，请检查是否选错了文件";
